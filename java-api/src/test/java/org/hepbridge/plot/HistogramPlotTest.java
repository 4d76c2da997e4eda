package org.hepbridge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hepbridge.hist.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Structure of rendered plots (files, image size, SVG elements), not pixels. The plots are
 * written to {@code target/test-plots} so that a person can look at them.
 */
class HistogramPlotTest {

    private static final Path OUT = Path.of("target", "test-plots");
    private static final int BINS = 24;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Expected events per 3.75 GeV bin of a Gaussian signal at 125 GeV, width 2 GeV. */
    static double signalShape(double m) {
        double z = (m - 125) / 2.0;
        return 9.0 * Math.exp(-0.5 * z * z);
    }

    /** A falling ZZ* continuum plus the Z peak tail below 95 GeV, events per bin. */
    static double zzShape(double m) {
        double z = (m - 91) / 3.0;
        return 2.2 + 30 * Math.exp(-0.5 * z * z) * (m < 100 ? 1 : 0.2);
    }

    private static Histogram template(DoubleUnaryOperator perBin) {
        Histogram h = Histogram.regular("m4l", BINS, 80, 170);
        for (double c : h.axis(0).centers()) {
            h.fill(c, perBin.applyAsDouble(c));
        }
        return h;
    }

    /** Poisson-fluctuated data from the total expectation, with a fixed seed. */
    private static Histogram data(Histogram expected) {
        SplittableRandom rnd = new SplittableRandom(4);
        Histogram d = Histogram.regular("m4l", BINS, 80, 170);
        double[] centers = expected.axis(0).centers();
        double[] mu = expected.values();
        for (int i = 0; i < BINS; i++) {
            int k = 0;
            double p = Math.exp(-mu[i]);
            double u = rnd.nextDouble();
            double cdf = p;
            while (u > cdf && k < 1000) {
                k++;
                p *= mu[i] / k;
                cdf += p;
            }
            for (int j = 0; j < k; j++) {
                d.fill(centers[i]);
            }
        }
        return d;
    }

    private static HistogramPlot higgsPlot() {
        Histogram zz = template(HistogramPlotTest::zzShape);
        Histogram zjets = template(m -> 0.6 + 0.004 * (170 - m));
        Histogram sig = template(HistogramPlotTest::signalShape);
        Histogram total = zz.copy().add(zjets).add(sig);
        double[] t = total.values();
        double[] lo = new double[BINS];
        double[] hi = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            lo[i] = 0.9 * t[i];
            hi[i] = 1.1 * t[i];
        }
        return new HistogramPlot()
                .xLabel("m_{4ℓ} [GeV]")
                .yLabel("Events / 3.75 GeV")
                .data("Data", data(total))
                .stack("Z+jets, tt̄", zjets, new Color(155, 152, 204))
                .stack("ZZ*", zz, new Color(0xFF, 0x66, 0x66))
                .signal("Higgs, m_{H} = 125 GeV", sig, new Color(0x00, 0xCC, 0xFF))
                .curve("Fit: S+B", m -> zzShape(m) + 0.6 + 0.004 * (170 - m)
                        + signalShape(m), new Color(0, 90, 0))
                .band(total, lo, hi)
                .text("ATLAS Open Data")
                .text("√s = 13 TeV, 10 fb⁻¹")
                .text("H → ZZ* → 4ℓ");
    }

    @Test
    void pngHasTheRequestedSize() throws Exception {
        Path png = OUT.resolve("higgs_m4l.png");
        higgsPlot().writePng(png, 800, 600);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "PNG decodes");
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        assertNoTempFilesLeft();
    }

    @Test
    void svgHasOneMarkerPerNonEmptyDataBinAndAllLegendEntries() throws Exception {
        HistogramPlot plot = higgsPlot();
        Path svg = OUT.resolve("higgs_m4l.svg");
        plot.writeSvg(svg, 800, 600);
        Document doc = parse(svg);
        int nonEmpty = 0;
        for (double v : plot.dataSeries().values()) {
            nonEmpty += v > 0 ? 1 : 0;
        }
        assertTrue(nonEmpty > 10, "the generated data fills most bins");
        assertEquals(nonEmpty, idsStartingWith(doc, "data-marker-").size());
        // Data, signal, two stack templates, the curve and the band.
        List<Element> legend = idsStartingWith(doc, "legend-text-");
        assertEquals(6, legend.size());
        assertEquals("Data", legend.get(0).getTextContent());
        assertEquals("Uncertainty", legend.get(5).getTextContent());
        assertEquals("√s = 13 TeV, 10 fb⁻¹",
                idsStartingWith(doc, "corner-text-").get(1).getTextContent());
    }

    @Test
    void ratioAndPullPanelsDrawOneEntryPerBin() throws Exception {
        HistogramPlot ratio = higgsPlot().ratio();
        ratio.writePng(OUT.resolve("higgs_m4l_ratio.png"), 800, 800);
        Path svg = OUT.resolve("higgs_m4l_ratio.svg");
        ratio.writeSvg(svg, 800, 800);
        int nonEmpty = idsStartingWith(parse(svg), "data-marker-").size();
        assertEquals(nonEmpty, idsStartingWith(parse(svg), "ratio-marker-").size());

        HistogramPlot pulls = higgsPlot().pulls();
        pulls.writePng(OUT.resolve("higgs_m4l_pulls.png"), 800, 800);
        Path psvg = OUT.resolve("higgs_m4l_pulls.svg");
        pulls.writeSvg(psvg, 800, 800);
        assertEquals(BINS, idsStartingWith(parse(psvg), "pull-bar-").size());
    }

    @Test
    void variableBinsWithEmptyDataBinsDrawOnlyUpperErrors() throws Exception {
        // Data in 3 of 5 variable bins (counts 1, 4, 12); the two empty bins get an upper
        // error bar but no marker.
        Histogram d = Histogram.variable("pt", 0, 10, 25, 50, 100, 200);
        d.fill(new double[] {5, 30, 30, 30, 30});
        for (int i = 0; i < 12; i++) {
            d.fill(150);
        }
        Histogram bkg = Histogram.variable("pt", 0, 10, 25, 50, 100, 200);
        bkg.fill(new double[] {5, 15, 30, 70, 150}, new double[] {1.5, 0.8, 3.6, 2.0, 10});
        HistogramPlot plot = new HistogramPlot().title("Leading lepton p_{T}")
                .xLabel("p_{T} [GeV]").data("Data", d).stack("ZZ*", bkg, new Color(0xFF, 0x66,
                        0x66)).pulls().text("ATLAS Open Data");
        plot.writePng(OUT.resolve("pt_variable_pulls.png"), 640, 640);
        Path svg = OUT.resolve("pt_variable_pulls.svg");
        plot.writeSvg(svg, 640, 640);
        Document doc = parse(svg);
        assertEquals(List.of("data-marker-0", "data-marker-2", "data-marker-4"),
                idsStartingWith(doc, "data-marker-").stream().map(e -> e.getAttribute("id"))
                        .toList());
        assertEquals(5, idsStartingWith(doc, "pull-bar-").size());
        assertEquals(2, idsStartingWith(doc, "legend-text-").size());
    }

    @Test
    void misuseIsReportedWithTheOffendingValues() {
        HistogramPlot p = new HistogramPlot().data("Data", Histogram.regular("m", 2, 0, 2));
        var e = assertThrows(IllegalArgumentException.class,
                () -> p.stack("bkg", Histogram.regular("m", 3, 0, 2), Color.RED));
        assertEquals("HistogramPlot: 'bkg' has bin edges [0.0, 0.6666666666666666,"
                + " 1.3333333333333333, 2.0], expected those of the first histogram"
                + " [0.0, 1.0, 2.0]", e.getMessage());
        var s = assertThrows(IllegalStateException.class,
                () -> p.ratio().writePng(OUT.resolve("never.png"), 400, 300));
        assertEquals("HistogramPlot: the ratio panel needs data and a stack, signal or band to"
                + " compare with", s.getMessage());
        assertFalse(Files.exists(OUT.resolve("never.png")));
        var z = assertThrows(IllegalArgumentException.class,
                () -> p.writeSvg(OUT.resolve("tiny.svg"), 10, 300));
        assertEquals("HistogramPlot: image size must be at least 100x100, got 10x300",
                z.getMessage());
    }

    private static void assertNoTempFilesLeft() throws Exception {
        try (var files = Files.list(OUT)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The SVG names the W3C DTD; never fetch it (tests make no outside network access).
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setValidating(false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    static List<Element> idsStartingWith(Document doc, String prefix) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").startsWith(prefix)) {
                out.add(e);
            }
        }
        return out;
    }
}
