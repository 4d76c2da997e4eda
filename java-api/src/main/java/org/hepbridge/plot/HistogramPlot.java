package org.hepbridge.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import org.hepbridge.hist.Histogram;
import org.jfree.svg.SVGGraphics2D;

/**
 * A 1-D histogram plot in the style of the LHC experiments' public plots: stacked filled
 * templates, a signal on top, data points with Poisson (Garwood) error bars, smooth curves, a
 * hatched uncertainty band, an optional ratio or pull panel, legend and corner text.
 *
 * <p>A mutable builder, not thread-safe; it keeps the bin contents read when each histogram is
 * added (later fills of that histogram do not show). All histograms must be 1-D with identical
 * bin edges. The same drawing code produces PNG (Java2D) and SVG (JFreeSVG); run headless
 * ({@code -Djava.awt.headless=true}) on servers. Labels accept Unicode (drawn with DejaVu Sans
 * when installed) and {@code _{sub}}/{@code ^{sup}} markup.
 */
public final class HistogramPlot {

    /** The optional lower panel. */
    enum LowerPanel { NONE, RATIO, PULLS }

    record Template(String label, double[] values, Color color) {
    }

    record Curve(String label, DoubleUnaryOperator eventsPerBin, Color color) {
    }

    record Band(String label, double[] total, double[] lower, double[] upper) {
    }

    record Data(String label, double[] values) {
    }

    private String title = "";
    private String xLabel = "";
    private String yLabel = "Events";
    private double[] edges;
    private Data data;
    private final List<Template> stack = new ArrayList<>();
    private final List<Template> signals = new ArrayList<>();
    private final List<Curve> curves = new ArrayList<>();
    private Band band;
    private LowerPanel lowerPanel = LowerPanel.NONE;
    private final List<String> texts = new ArrayList<>();

    /** A plot with nothing added yet. */
    public HistogramPlot() {
    }

    /** Title drawn above the frame (empty for none, the usual choice for paper plots). */
    public HistogramPlot title(String t) {
        this.title = t == null ? "" : t;
        return this;
    }

    /** X axis label with units, e.g. {@code "m_{4ℓ} [GeV]"}. */
    public HistogramPlot xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    /** Y axis label with units, e.g. {@code "Events / 2.5 GeV"}; default "Events". */
    public HistogramPlot yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /** Observed counts, drawn as points with 68.27 % Garwood error bars. */
    public HistogramPlot data(String label, Histogram h) {
        this.data = new Data(label, binValues(label, h));
        return this;
    }

    /** A filled template stacked on the previous ones, in call order from the bottom. */
    public HistogramPlot stack(String label, Histogram h, Color color) {
        stack.add(new Template(label, binValues(label, h), color));
        return this;
    }

    /** A filled signal template drawn on top of the stack. */
    public HistogramPlot signal(String label, Histogram h, Color color) {
        signals.add(new Template(label, binValues(label, h), color));
        return this;
    }

    /**
     * A smooth line of expected events per bin as a function of x (for example a fitted
     * signal-plus-background model), sampled finely over the x range.
     */
    public HistogramPlot curve(String label, DoubleUnaryOperator eventsPerBin, Color color) {
        curves.add(new Curve(label, eventsPerBin, color));
        return this;
    }

    /** A hatched band between per-bin {@code lower} and {@code upper} totals, "Uncertainty". */
    public HistogramPlot band(Histogram total, double[] lower, double[] upper) {
        return band("Uncertainty", total, lower, upper);
    }

    /** A hatched uncertainty band with its legend label. */
    public HistogramPlot band(String label, Histogram total, double[] lower, double[] upper) {
        double[] t = binValues(label, total);
        if (lower.length != t.length || upper.length != t.length) {
            throw new IllegalArgumentException("HistogramPlot.band: '" + label + "' has "
                    + t.length + " bins but lower has " + lower.length + " and upper "
                    + upper.length + " values");
        }
        this.band = new Band(label, t, lower.clone(), upper.clone());
        return this;
    }

    /** Adds a lower panel with data / total expectation (total = band total, else the stack). */
    public HistogramPlot ratio() {
        this.lowerPanel = LowerPanel.RATIO;
        return this;
    }

    /**
     * Adds a lower panel with pulls {@code (data - total) / sqrt(total + s^2)}, where {@code s}
     * is half the band width in that bin (0 without a band).
     */
    public HistogramPlot pulls() {
        this.lowerPanel = LowerPanel.PULLS;
        return this;
    }

    /** Adds a line of corner text (top left); the first line is drawn bold. */
    public HistogramPlot text(String line) {
        texts.add(line);
        return this;
    }

    private double[] binValues(String label, Histogram h) {
        if (h.rank() != 1) {
            throw new IllegalArgumentException("HistogramPlot: '" + label + "' must be 1-D, has "
                    + h.rank() + " axes; project it first");
        }
        double[] e = h.axis(0).edges();
        if (edges == null) {
            edges = e;
        } else if (!Arrays.equals(edges, e)) {
            throw new IllegalArgumentException("HistogramPlot: '" + label + "' has bin edges "
                    + Arrays.toString(e) + ", expected those of the first histogram "
                    + Arrays.toString(edges));
        }
        return h.values();
    }

    // ---- output ----

    /** Renders a PNG of the given pixel size, written to a temporary file then renamed. */
    public void writePng(Path file, int width, int height) throws IOException {
        checkSize(width, height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            render(g, width, height);
        } finally {
            g.dispose();
        }
        PlotFiles.writeAtomically(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("HistogramPlot: no PNG writer available for " + file);
            }
        });
    }

    /** Renders an SVG of the given size in pixels, written to a temporary file then renamed. */
    public void writeSvg(Path file, int width, int height) throws IOException {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        render(g, width, height);
        // No DOCTYPE: it names a DTD on the web that XML readers might try to fetch.
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
        byte[] svg = doc.getBytes(StandardCharsets.UTF_8);
        PlotFiles.writeAtomically(file, out -> out.write(svg));
    }

    private static void checkSize(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("HistogramPlot: image size must be at least"
                    + " 100x100, got " + width + "x" + height);
        }
    }

    /** Draws the plot onto any Graphics2D of the given size (for embedding). */
    public void render(Graphics2D g, int width, int height) {
        if (edges == null) {
            throw new IllegalStateException("HistogramPlot: nothing to draw; add data, stack,"
                    + " signal or band histograms first");
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        new PlotPainter(this, g, width, height, baseFont(width, height)).paint();
    }

    private static Font baseFont(int width, int height) {
        float size = (float) Math.max(9, Math.min(width * 0.75, height) / 36.0);
        return new Font(fontFamily(), Font.PLAIN, 1).deriveFont(size);
    }

    private static String fontFamily() {
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment()
                .getAvailableFontFamilyNames();
        return Arrays.asList(names).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }

    // ---- package access for the painter ----

    String titleText() {
        return title;
    }

    String xLabelText() {
        return xLabel;
    }

    String yLabelText() {
        return yLabel;
    }

    double[] edges() {
        return edges;
    }

    Data dataSeries() {
        return data;
    }

    List<Template> stackTemplates() {
        return stack;
    }

    List<Template> signalTemplates() {
        return signals;
    }

    List<Curve> curveList() {
        return curves;
    }

    Band bandSeries() {
        return band;
    }

    LowerPanel lowerPanelKind() {
        return lowerPanel;
    }

    List<String> cornerTexts() {
        return texts;
    }

    static Shape stepShape(double[] edges, double[] lo, double[] hi, Frame f) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(f.px(edges[0]), f.py(lo[0]));
        for (int i = 0; i < hi.length; i++) {
            p.lineTo(f.px(edges[i]), f.py(hi[i]));
            p.lineTo(f.px(edges[i + 1]), f.py(hi[i]));
        }
        for (int i = lo.length - 1; i >= 0; i--) {
            p.lineTo(f.px(edges[i + 1]), f.py(lo[i]));
            p.lineTo(f.px(edges[i]), f.py(lo[i]));
        }
        p.closePath();
        return p;
    }

    static Line2D line(double x1, double y1, double x2, double y2) {
        return new Line2D.Double(x1, y1, x2, y2);
    }

    static BasicStroke stroke(double w) {
        return new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    }
}
