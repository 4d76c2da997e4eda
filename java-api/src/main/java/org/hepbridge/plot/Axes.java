package org.hepbridge.plot;

import static org.hepbridge.plot.HistogramPlot.line;
import static org.hepbridge.plot.HistogramPlot.stroke;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/** Frame, ticks (inward, on all four sides), tick labels and rotated y label of a panel. */
final class Axes {

    private Axes() {
    }

    static void draw(Graphics2D g, Frame f, float fs, boolean xLabels, boolean skipTopLabel) {
        g.setColor(Color.BLACK);
        g.setStroke(stroke(0.09 * fs));
        g.draw(f.area());
        double xStep = NiceTicks.step(f.xmax() - f.xmin(), 8);
        for (double x : NiceTicks.ticks(f.xmin(), f.xmax(), minor(xStep))) {
            double len = isMajor(x, xStep) ? 0.7 * fs : 0.35 * fs;
            g.draw(line(f.px(x), f.bottom(), f.px(x), f.bottom() - len));
            g.draw(line(f.px(x), f.top(), f.px(x), f.top() + len));
        }
        if (xLabels) {
            for (double x : NiceTicks.ticks(f.xmin(), f.xmax(), xStep)) {
                RichText.drawCentered(g, NiceTicks.format(x, xStep), f.px(x),
                        f.bottom() + 1.25 * fs);
            }
        }
        int target = (int) Math.max(2, Math.min(6, Math.round(f.height() / (3.2 * fs))));
        double yStep = NiceTicks.step(f.ymax() - f.ymin(), target);
        for (double y : NiceTicks.ticks(f.ymin(), f.ymax(), minor(yStep))) {
            double len = isMajor(y, yStep) ? 0.7 * fs : 0.35 * fs;
            g.draw(line(f.left(), f.py(y), f.left() + len, f.py(y)));
            g.draw(line(f.right(), f.py(y), f.right() - len, f.py(y)));
        }
        List<Double> major = NiceTicks.ticks(f.ymin(), f.ymax(), yStep);
        for (double y : major) {
            boolean atTop = Math.abs(y - f.ymax()) < yStep * 1e-6;
            if (!(skipTopLabel && atTop)) {
                RichText.drawRight(g, NiceTicks.format(y, yStep), f.left() - 0.4 * fs,
                        f.py(y) + 0.36 * fs);
            }
        }
    }

    private static double minor(double step) {
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));
        return step / (Math.abs(mantissa - 2) < 1e-9 ? 4 : 5);
    }

    private static boolean isMajor(double v, double step) {
        double k = v / step;
        return Math.abs(k - Math.rint(k)) < 1e-6;
    }

    /** The y label, rotated, ending at the top of the frame. */
    static void yLabel(Graphics2D g, Frame f, float fs, String label) {
        AffineTransform saved = g.getTransform();
        g.transform(PlotPainter.rotation(f.left() - 3.7 * fs, f.top()));
        g.setColor(Color.BLACK);
        RichText.drawRight(g, label, 0, 0);
        g.setTransform(saved);
    }
}
