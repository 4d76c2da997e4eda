package org.hepbridge.plot;

import static org.hepbridge.plot.HistogramPlot.line;
import static org.hepbridge.plot.HistogramPlot.stroke;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.plot.HistogramPlot.Template;
import org.jfree.svg.SVGHints;

/** The legend: data first, then signals and the stack from the top down, curves, the band. */
final class Legend {

    private enum Kind { DATA, FILL, LINE, BAND }

    private record Entry(Kind kind, String label, Color color) {
    }

    private final Graphics2D g;
    private final float fs;
    private final List<Entry> entries = new ArrayList<>();

    Legend(HistogramPlot plot, Graphics2D g, float fs) {
        this.g = g;
        this.fs = fs;
        if (plot.dataSeries() != null) {
            entries.add(new Entry(Kind.DATA, plot.dataSeries().label(), Color.BLACK));
        }
        for (Template t : plot.signalTemplates().reversed()) {
            entries.add(new Entry(Kind.FILL, t.label(), t.color()));
        }
        for (Template t : plot.stackTemplates().reversed()) {
            entries.add(new Entry(Kind.FILL, t.label(), t.color()));
        }
        plot.curveList().forEach(c -> entries.add(new Entry(Kind.LINE, c.label(), c.color())));
        if (plot.bandSeries() != null) {
            entries.add(new Entry(Kind.BAND, plot.bandSeries().label(), Color.DARK_GRAY));
        }
    }

    double height() {
        return entries.size() * rowHeight();
    }

    private double rowHeight() {
        return 1.4 * fs;
    }

    void draw(double right, double top) {
        double textWidth = 0;
        for (Entry e : entries) {
            textWidth = Math.max(textWidth, RichText.width(g, e.label()));
        }
        double sampleW = 1.9 * fs;
        double left = right - textWidth - sampleW - 0.6 * fs;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double rowTop = top + i * rowHeight();
            sample(e, new Rectangle2D.Double(left, rowTop + 0.25 * fs, sampleW, 0.9 * fs));
            g.setColor(Color.BLACK);
            g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "legend-text-" + i);
            RichText.draw(g, e.label(), left + sampleW + 0.6 * fs, rowTop + 1.05 * fs);
        }
    }

    private void sample(Entry e, Rectangle2D box) {
        double cx = box.getCenterX();
        double cy = box.getCenterY();
        switch (e.kind) {
            case DATA -> {
                g.setColor(Color.BLACK);
                g.setStroke(stroke(0.1 * fs));
                g.draw(line(cx, box.getMinY(), cx, box.getMaxY()));
                double r = 0.27 * fs;
                g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            }
            case FILL -> {
                g.setColor(e.color);
                g.fill(box);
                g.setColor(e.color.darker());
                g.setStroke(stroke(0.08 * fs));
                g.draw(box);
            }
            case LINE -> {
                g.setColor(e.color);
                g.setStroke(new BasicStroke(0.16f * fs, BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.draw(line(box.getMinX(), cy, box.getMaxX(), cy));
            }
            case BAND -> PlotPainter.hatch(g, box, fs, e.color);
        }
    }
}
