package org.hepbridge.plot;

import static org.hepbridge.plot.HistogramPlot.line;
import static org.hepbridge.plot.HistogramPlot.stepShape;
import static org.hepbridge.plot.HistogramPlot.stroke;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.hepbridge.plot.HistogramPlot.Band;
import org.hepbridge.plot.HistogramPlot.LowerPanel;
import org.jfree.svg.SVGHints;

/** The ratio (data / expectation) or pull panel under the main frame. */
final class LowerPanelPainter {

    private static final double MAX_RATIO = 5;
    private static final double MAX_PULL = 10;

    private final HistogramPlot plot;
    private final Graphics2D g;
    private final float fs;
    private final double[] expected;
    private final double[] edges;

    LowerPanelPainter(HistogramPlot plot, Graphics2D g, float fs, double[] expected) {
        this.plot = plot;
        this.g = g;
        this.fs = fs;
        this.expected = expected;
        this.edges = plot.edges();
    }

    /** The panel frame below {@code main}, with a y range that fits the points. */
    static Frame frame(HistogramPlot plot, double[] expected, Frame main, double bottom) {
        if (plot.dataSeries() == null || expected == null) {
            throw new IllegalStateException("HistogramPlot: the " + plot.lowerPanelKind()
                    .name().toLowerCase(java.util.Locale.ROOT) + " panel needs data and a"
                    + " stack, signal or band to compare with");
        }
        double[] n = plot.dataSeries().values();
        double lo;
        double hi;
        if (plot.lowerPanelKind() == LowerPanel.RATIO) {
            double max = 1.5;
            for (int i = 0; i < n.length; i++) {
                max = expected[i] > 0 ? Math.max(max, n[i] / expected[i]) : max;
            }
            lo = 0;
            hi = Math.min(MAX_RATIO, NiceTicks.niceCeil(max * 1.15, 4));
        } else {
            double max = 3;
            for (int i = 0; i < n.length; i++) {
                max = Math.max(max, Math.abs(pull(plot, expected, i)));
            }
            hi = Math.min(MAX_PULL, Math.ceil(max + 0.5));
            lo = -hi;
        }
        return new Frame(main.left(), main.bottom(), main.width(), bottom - main.bottom(),
                main.xmin(), main.xmax(), lo, hi);
    }

    private static double pull(HistogramPlot plot, double[] expected, int i) {
        double mu = expected[i];
        Band b = plot.bandSeries();
        double s = b == null ? 0 : 0.5 * (b.upper()[i] - b.lower()[i]);
        double sigma = Math.sqrt(Math.max(0, mu) + s * s);
        return sigma > 0 ? (plot.dataSeries().values()[i] - mu) / sigma : 0;
    }

    void paint(Frame f) {
        Shape oldClip = g.getClip();
        g.clip(f.area());
        if (plot.lowerPanelKind() == LowerPanel.RATIO) {
            paintRatio(f);
        } else {
            paintPulls(f);
        }
        g.setClip(oldClip);
    }

    private void paintRatio(Frame f) {
        Band b = plot.bandSeries();
        if (b != null) {
            double[] lo = new double[expected.length];
            double[] hi = new double[expected.length];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = expected[i] > 0 ? b.lower()[i] / expected[i] : 1;
                hi[i] = expected[i] > 0 ? b.upper()[i] / expected[i] : 1;
            }
            PlotPainter.hatch(g, stepShape(edges, lo, hi, f), fs, new Color(70, 70, 70));
        }
        reference(f, 1);
        double[] n = plot.dataSeries().values();
        g.setColor(Color.BLACK);
        g.setStroke(stroke(0.1 * fs));
        double r = 0.27 * fs;
        for (int i = 0; i < n.length; i++) {
            double mu = expected[i];
            if (!(mu > 0)) {
                continue;
            }
            double x = f.px(0.5 * (edges[i] + edges[i + 1]));
            double[] ci = PoissonInterval.garwood(Math.max(0, n[i]));
            g.draw(line(x, f.py(n[i] > 0 ? ci[0] / mu : 0), x, f.py(ci[1] / mu)));
            if (n[i] > 0) {
                g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "ratio-marker-" + i);
                g.fill(new Ellipse2D.Double(x - r, f.py(n[i] / mu) - r, 2 * r, 2 * r));
            }
        }
    }

    private void paintPulls(Frame f) {
        reference(f, 0);
        for (int i = 0; i < expected.length; i++) {
            double p = pull(plot, expected, i);
            double y0 = f.py(Math.max(0, p));
            double y1 = f.py(Math.min(0, p));
            g.setColor(new Color(120, 120, 120));
            g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "pull-bar-" + i);
            g.fill(new Rectangle2D.Double(f.px(edges[i]), y0, f.px(edges[i + 1])
                    - f.px(edges[i]), y1 - y0));
        }
    }

    private void reference(Frame f, double y) {
        g.setColor(new Color(90, 90, 90));
        g.setStroke(new BasicStroke(0.08f * fs, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {0.5f * fs, 0.3f * fs}, 0f));
        g.draw(line(f.left(), f.py(y), f.right(), f.py(y)));
    }
}
