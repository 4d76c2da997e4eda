package org.hepbridge.analysis.cms;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hepbridge.hist.Histogram;
import org.hepbridge.output.OutputFolder;
import org.hepbridge.output.ReportFiles;
import org.hepbridge.output.SummaryJson;
import org.hepbridge.plot.HistogramPlot;
import org.hepbridge.stats.BinnedFitResult;

/**
 * Writes the outputs of the CMS analysis into an {@link OutputFolder}, with the conventions of
 * the ATLAS report: {@code summary.json} written last, the cutflow as CSV and Markdown, the
 * histograms as UHI JSON ({@code m4l_<sample>.json}, readable by Python's {@code hist}), and the
 * m4l plots as PNG and SVG: {@code m4l} after the fit (signal scaled by mu-hat, with the band of
 * the mu interval) and {@code m4l_prefit} with the standard-model signal (mu = 1).
 *
 * <p>Stateless and thread-safe; the folder is committed by {@link #write}.
 */
public final class CmsHzz4lReport {
    public static final String PLOT = "m4l";
    public static final String PREFIT_PLOT = "m4l_prefit";
    /** Name of the observed histogram among the {@code m4l_<sample>.json} files. */
    public static final String DATA = "data";
    /** Name of the histograms in the summary: m4l from 70 to 181 GeV. */
    public static final String HISTOGRAM = "m4l_70_181";

    /** Stacked from the bottom: sample, legend label, fill colour (the CMS H->4l palette). */
    private static final List<StackEntry> STACK = List.of(
            new StackEntry("ttbar", "tt\u0304", new Color(0xcc, 0x99, 0xff)),
            new StackEntry("z_plus_x", "Z/\u03b3* + X", new Color(0x66, 0x99, 0x66)),
            new StackEntry("zz", "ZZ, Z\u03b3*", new Color(0x99, 0xcc, 0xff)));
    private static final Color SIGNAL_COLOR = new Color(0xff, 0x66, 0x66);

    private record StackEntry(String sample, String label, Color color) {
    }

    private CmsHzz4lReport() {
    }

    /** Writes every output and commits the folder. */
    public static void write(CmsHzz4lResult result, OutputFolder out) throws IOException {
        ReportFiles.cutflow(result.cutflow(), out);
        for (Map.Entry<String, Histogram> e : histograms(result).entrySet()) {
            Files.writeString(out.file("m4l_" + e.getKey() + ".json"), e.getValue().toUhiJson(),
                    StandardCharsets.UTF_8);
        }
        ReportFiles.plot(plot(result, true), PLOT, out);
        ReportFiles.plot(plot(result, false), PREFIT_PLOT, out);
        out.file(SummaryJson.FILE);
        writeSummary(result, out.files(), out.file(SummaryJson.FILE));
        out.commit(SummaryJson.FILE);
    }

    /** The observed histogram ({@value #DATA}) then each sample's expected yields. */
    static Map<String, Histogram> histograms(CmsHzz4lResult result) {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        histograms.put(DATA, result.m4l());
        for (String sample : result.expected().keySet()) {
            histograms.put(sample, result.expectedHistogram(sample));
        }
        return histograms;
    }

    /**
     * The m4l plot: backgrounds stacked, the H(125) signal on top, data with Garwood intervals
     * and a data/prediction panel. After the fit the signal is scaled by mu-hat and the hatched
     * band spans the predictions at the ends of the 68% mu interval; before it, mu = 1 and the
     * model has no uncertainty to draw.
     */
    static HistogramPlot plot(CmsHzz4lResult result, boolean postFit) {
        double binWidth = (CmsHzz4lAnalysis.M4L_HIGH - CmsHzz4lAnalysis.M4L_LOW)
                / CmsHzz4lAnalysis.BINS;
        HistogramPlot plot = new HistogramPlot()
                .xLabel("m_{4\u2113} [GeV]")
                .yLabel(String.format(Locale.ROOT, "Events / %.0f GeV", binWidth))
                .text("CMS Open Data")
                .text("\u221as = 7 TeV, 2.3 fb^{-1}; \u221as = 8 TeV, 11.6 fb^{-1}")
                .text(postFit ? "H \u2192 ZZ \u2192 4\u2113, after the fit"
                        : "H \u2192 ZZ \u2192 4\u2113, expected (\u03bc = 1)")
                .data("Data", result.m4l());
        for (StackEntry entry : STACK) {
            plot.stack(entry.label(), result.expectedHistogram(entry.sample()), entry.color());
        }
        BinnedFitResult fit = result.fit();
        double mu = postFit ? fit.muHat() : 1.0;
        Histogram signal = result.expectedHistogram(CmsHzz4lAnalysis.SIGNAL).scale(mu);
        plot.signal(postFit ? String.format(Locale.ROOT, "H(125), \u03bc = %.2f", mu)
                : "H(125), \u03bc = 1", signal, SIGNAL_COLOR);
        if (postFit) {
            plot.band(String.format(Locale.ROOT, "\u03bc in [%.2f, %.2f]", fit.muLow(),
                    fit.muHigh()), prediction(result, mu), predictionValues(result, fit.muLow()),
                    predictionValues(result, fit.muHigh()));
        }
        return plot.ratio();
    }

    /** Backgrounds plus mu times the signal, per bin. */
    static double[] predictionValues(CmsHzz4lResult result, double mu) {
        double[] total = new double[CmsHzz4lAnalysis.BINS];
        result.expected().forEach((sample, yields) -> {
            double scale = sample.equals(CmsHzz4lAnalysis.SIGNAL) ? mu : 1.0;
            for (int i = 0; i < total.length; i++) {
                total[i] += scale * yields[i];
            }
        });
        return total;
    }

    private static Histogram prediction(CmsHzz4lResult result, double mu) {
        double[] values = predictionValues(result, mu);
        return YieldHistograms.withContents(result.m4l(), values, new double[values.length]);
    }

    private static void writeSummary(CmsHzz4lResult result, List<String> files,
            Path destination) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("analysis", "cms-hzz4l");
        summary.put("description", "H->ZZ->4l education analysis of CMS Open Data 2011-2012"
                + " (7 TeV, 2.3 fb^-1; 8 TeV, 11.6 fb^-1): m4l of the 4-lepton candidates fitted"
                + " with the expected ZZ, Z+X, ttbar and H(125) yields of the CMS notebook;"
                + " masses in GeV");
        summary.put("complete", true);
        summary.put("inputs", result.inputs().stream().map(CmsHzz4lReport::inputJson).toList());
        summary.put("cutflow", SummaryJson.cutflow(result.cutflow()));
        summary.put("events_in_range", result.eventsInRange());
        summary.put("histograms", histograms(result).entrySet().stream()
                .map(e -> histogramJson(e.getKey(), e.getValue())).toList());
        summary.put("fit", fitJson(result.fit()));
        SummaryJson.write(summary, result.elapsed().toNanos() / 1e9, files, destination);
    }

    private static Map<String, Object> inputJson(CmsHzz4lResult.Input input) {
        Map<String, Object> map = SummaryJson.input(input.path(), input.name(), input.sha256(),
                input.bytes());
        map.put("role", input.role());
        map.put("rows", input.rows());
        return map;
    }

    private static Map<String, Object> histogramJson(String sample, Histogram histogram) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("name", HISTOGRAM);
        labels.put("sample", sample);
        labels.put("file", "m4l_" + sample + ".json");
        return SummaryJson.histogram(labels, histogram);
    }

    private static Map<String, Object> fitJson(BinnedFitResult fit) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "binned Poisson likelihood (pyhf semantics) of m4l in 37 bins of 3 GeV,"
                + " 70-181 GeV: ZZ, Z+X and ttbar fixed, H(125) scaled by the signal strength mu"
                + " (bounded to [0, 10] as pyhf's default); no systematic uncertainties, like"
                + " the CMS notebook");
        map.put("parameters", fit.parameterNames());
        map.put("mu_hat", fit.muHat());
        map.put("mu_hat_error", fit.muError());
        map.put("mu_interval_68", List.of(fit.muLow(), fit.muHigh()));
        map.put("nll_min", fit.nllMin());
        map.put("q0", fit.q0());
        map.put("observed_significance", fit.observedSignificance());
        map.put("q0_expected", fit.q0Expected());
        map.put("expected_significance", fit.expectedSignificance());
        map.put("expected_for_mu", 1.0);
        map.put("converged", fit.converged());
        map.put("caveats", List.of(
                "mu interval: where 2 (NLL_profile(mu) - NLL_min) = 1 (asymptotic)",
                "significances: sqrt(q0), asymptotic and local at m_H = 125 GeV; the expected"
                        + " one uses the Asimov dataset at mu = 1",
                "mu_hat_error is the Hessian (parabolic) error; the interval is the one to"
                        + " quote"));
        return map;
    }
}
