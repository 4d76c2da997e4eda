package org.hepbridge.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a label with ROOT/LaTeX-like {@code _{sub}} and {@code ^{sup}} markup (for example
 * {@code m_{4l} [GeV]} or {@code fb^{-1}}); all other characters, Unicode included, are drawn as
 * they are with the current font.
 */
final class RichText {

    private record Run(String text, int level) {
    }

    private static final float SCRIPT_SCALE = 0.72f;

    private RichText() {
    }

    private static List<Run> parse(String s) {
        List<Run> runs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = s.indexOf('}', i + 2);
            if ((c == '_' || c == '^') && i + 1 < s.length() && s.charAt(i + 1) == '{'
                    && close > 0) {
                flush(runs, plain);
                runs.add(new Run(s.substring(i + 2, close), c == '_' ? -1 : 1));
                i = close + 1;
            } else {
                plain.append(c);
                i++;
            }
        }
        flush(runs, plain);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder plain) {
        if (!plain.isEmpty()) {
            runs.add(new Run(plain.toString(), 0));
            plain.setLength(0);
        }
    }

    private static Font fontFor(Font base, int level) {
        return level == 0 ? base : base.deriveFont(base.getSize2D() * SCRIPT_SCALE);
    }

    /** Advance width of the rendered text in the current font. */
    static double width(Graphics2D g, String s) {
        Font base = g.getFont();
        double w = 0;
        for (Run r : parse(s)) {
            w += g.getFontMetrics(fontFor(base, r.level)).getStringBounds(r.text, g).getWidth();
        }
        return w;
    }

    /** Draws the text with its baseline starting at {@code (x, y)}; returns the end x. */
    static double draw(Graphics2D g, String s, double x, double y) {
        Font base = g.getFont();
        float size = base.getSize2D();
        for (Run r : parse(s)) {
            Font f = fontFor(base, r.level);
            g.setFont(f);
            double shift = r.level < 0 ? 0.22 * size : r.level > 0 ? -0.38 * size : 0;
            g.drawString(r.text, (float) x, (float) (y + shift));
            x += g.getFontMetrics(f).getStringBounds(r.text, g).getWidth();
        }
        g.setFont(base);
        return x;
    }

    /** Draws the text with its baseline centred horizontally on {@code cx}. */
    static void drawCentered(Graphics2D g, String s, double cx, double y) {
        draw(g, s, cx - width(g, s) / 2, y);
    }

    /** Draws the text ending at {@code right}. */
    static void drawRight(Graphics2D g, String s, double right, double y) {
        draw(g, s, right - width(g, s), y);
    }
}
