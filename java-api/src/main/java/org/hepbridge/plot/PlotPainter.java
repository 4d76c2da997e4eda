package org.hepbridge.plot;

import static org.hepbridge.plot.HistogramPlot.line;
import static org.hepbridge.plot.HistogramPlot.stepShape;
import static org.hepbridge.plot.HistogramPlot.stroke;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.plot.HistogramPlot.Band;
import org.hepbridge.plot.HistogramPlot.Curve;
import org.hepbridge.plot.HistogramPlot.LowerPanel;
import org.hepbridge.plot.HistogramPlot.Template;
import org.jfree.svg.SVGHints;

/** Lays out and draws one {@link HistogramPlot} onto a Graphics2D; used once per render. */
final class PlotPainter {

    private static final int CURVE_SAMPLES = 400;
    private static final Color BAND_COLOR = new Color(70, 70, 70);

    private final HistogramPlot plot;
    private final Graphics2D g;
    private final int width;
    private final int height;
    private final Font font;
    private final float fs;
    private final double[] edges;
    private final List<double[]> tops = new ArrayList<>();
    private final double[] expected;

    PlotPainter(HistogramPlot plot, Graphics2D g, int width, int height, Font font) {
        this.plot = plot;
        this.g = g;
        this.width = width;
        this.height = height;
        this.font = font;
        this.fs = font.getSize2D();
        this.edges = plot.edges();
        this.expected = cumulate();
    }

    /** Fills {@link #tops} with the stacked tops; returns the total expectation or null. */
    private double[] cumulate() {
        double[] sum = new double[edges.length - 1];
        List<Template> all = new ArrayList<>(plot.stackTemplates());
        all.addAll(plot.signalTemplates());
        for (Template t : all) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += t.values()[i];
            }
            tops.add(sum.clone());
        }
        if (plot.bandSeries() != null) {
            return plot.bandSeries().total();
        }
        return all.isEmpty() ? null : sum;
    }

    void paint() {
        g.setFont(font);
        double left = 5.4 * fs;
        double right = width - 1.3 * fs;
        double top = plot.titleText().isEmpty() ? 0.9 * fs : 2.4 * fs;
        double bottom = height - 3.6 * fs;
        boolean lower = plot.lowerPanelKind() != LowerPanel.NONE;
        double mainBottom = lower ? top + 0.7 * (bottom - top) : bottom;
        Legend legend = new Legend(plot, g, fs);
        double yMax = yMax(mainBottom - top, legend.height());
        Frame main = new Frame(left, top, right - left, mainBottom - top, edges[0],
                edges[edges.length - 1], 0, yMax);
        drawMain(main);
        Axes.draw(g, main, fs, !lower, false);
        if (lower) {
            Frame lf = LowerPanelPainter.frame(plot, expected, main, bottom);
            new LowerPanelPainter(plot, g, fs, expected).paint(lf);
            Axes.draw(g, lf, fs, true, true);
            Axes.yLabel(g, lf, fs, plot.lowerPanelKind() == LowerPanel.RATIO ? "Data / Pred."
                    : "Pull");
        }
        Axes.yLabel(g, main, fs, plot.yLabelText());
        g.setColor(Color.BLACK);
        RichText.drawRight(g, plot.xLabelText(), right, height - 0.9 * fs);
        if (!plot.titleText().isEmpty()) {
            RichText.drawCentered(g, plot.titleText(), (left + right) / 2, 1.5 * fs);
        }
        legend.draw(main.right() - 0.6 * fs, main.top() + 0.6 * fs);
        drawTexts(main);
    }

    private double yMax(double frameHeight, double legendHeight) {
        double max = 0;
        for (double[] t : tops) {
            max = Math.max(max, max(t));
        }
        if (plot.bandSeries() != null) {
            max = Math.max(max, max(plot.bandSeries().upper()));
        }
        if (plot.dataSeries() != null) {
            for (double n : plot.dataSeries().values()) {
                max = Math.max(max, n > 0 ? PoissonInterval.garwood(n)[1] : n);
            }
        }
        for (Curve c : plot.curveList()) {
            for (double x : samples()) {
                double y = c.eventsPerBin().applyAsDouble(x);
                max = Double.isFinite(y) ? Math.max(max, y) : max;
            }
        }
        double textHeight = (plot.cornerTexts().size() + 0.5) * 1.35 * fs;
        double need = Math.max(legendHeight, textHeight) + 1.2 * fs;
        double fraction = Math.clamp(1 - need / frameHeight, 0.45, 0.9);
        return NiceTicks.niceCeil(max / fraction, 12);
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private double[] samples() {
        double[] xs = new double[CURVE_SAMPLES + 1];
        double lo = edges[0];
        double hi = edges[edges.length - 1];
        for (int i = 0; i <= CURVE_SAMPLES; i++) {
            xs[i] = lo + (hi - lo) * i / CURVE_SAMPLES;
        }
        return xs;
    }

    private void drawMain(Frame f) {
        Shape oldClip = g.getClip();
        g.clip(f.area());
        drawTemplates(f);
        if (plot.bandSeries() != null) {
            Band b = plot.bandSeries();
            hatch(g, stepShape(edges, b.lower(), b.upper(), f), fs, BAND_COLOR);
        }
        drawCurves(f);
        if (plot.dataSeries() != null) {
            drawData(f, plot.dataSeries().values());
        }
        g.setClip(oldClip);
    }

    private void drawTemplates(Frame f) {
        List<Template> all = new ArrayList<>(plot.stackTemplates());
        all.addAll(plot.signalTemplates());
        double[] bottom = new double[edges.length - 1];
        for (int k = 0; k < all.size(); k++) {
            double[] top = tops.get(k);
            Shape s = stepShape(edges, bottom, top, f);
            g.setColor(all.get(k).color());
            g.fill(s);
            g.setColor(all.get(k).color().darker());
            g.setStroke(stroke(0.08 * fs));
            g.draw(s);
            bottom = top;
        }
    }

    private void drawCurves(Frame f) {
        for (Curve c : plot.curveList()) {
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (double x : samples()) {
                double y = c.eventsPerBin().applyAsDouble(x);
                if (!Double.isFinite(y)) {
                    pen = false;
                } else if (pen) {
                    path.lineTo(f.px(x), f.py(y));
                } else {
                    path.moveTo(f.px(x), f.py(y));
                    pen = true;
                }
            }
            g.setColor(c.color());
            g.setStroke(new BasicStroke(0.16f * fs, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.draw(path);
        }
    }

    private void drawData(Frame f, double[] n) {
        g.setColor(Color.BLACK);
        g.setStroke(stroke(0.1 * fs));
        double r = 0.27 * fs;
        for (int i = 0; i < n.length; i++) {
            double x = f.px(0.5 * (edges[i] + edges[i + 1]));
            double[] ci = PoissonInterval.garwood(Math.max(0, n[i]));
            g.draw(line(x, f.py(n[i] > 0 ? ci[0] : 0), x, f.py(ci[1])));
            if (n[i] > 0) {
                g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "data-marker-" + i);
                g.fill(new Ellipse2D.Double(x - r, f.py(n[i]) - r, 2 * r, 2 * r));
            }
        }
    }

    private void drawTexts(Frame f) {
        double y = f.top() + 1.5 * fs;
        g.setColor(Color.BLACK);
        for (int i = 0; i < plot.cornerTexts().size(); i++) {
            g.setFont(i == 0 ? font.deriveFont(Font.BOLD | Font.ITALIC) : font);
            g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "corner-text-" + i);
            RichText.draw(g, plot.cornerTexts().get(i), f.left() + 0.9 * fs, y);
            y += 1.35 * fs;
        }
        g.setFont(font);
    }

    /** Fills a shape with diagonal hatching in the given colour. */
    static void hatch(Graphics2D g, Shape s, float fs, Color c) {
        Shape oldClip = g.getClip();
        g.clip(s);
        Rectangle2D b = s.getBounds2D();
        g.setColor(c);
        g.setStroke(stroke(0.07 * fs));
        double step = 0.42 * fs;
        Path2D.Double lines = new Path2D.Double();
        for (double x = b.getMinX() - b.getHeight(); x < b.getMaxX(); x += step) {
            lines.moveTo(x, b.getMaxY());
            lines.lineTo(x + b.getHeight(), b.getMinY());
        }
        g.draw(lines);
        g.setClip(oldClip);
    }

    static AffineTransform rotation(double x, double y) {
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        t.rotate(-Math.PI / 2);
        return t;
    }
}
