package org.hepbridge.analysis.atlas;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.hepbridge.data.Checksums;
import org.hepbridge.hist.Histogram;
import org.hepbridge.legacy.CalibrationFiles;
import org.hepbridge.output.OutputFolder;
import org.hepbridge.output.ReportFiles;
import org.hepbridge.output.SummaryJson;
import org.hepbridge.plot.HistogramPlot;
import org.hepbridge.stats.PeakFitResult;

/**
 * Writes the outputs of the ATLAS analysis into an {@link OutputFolder}: {@code summary.json}
 * (written last; its presence marks a complete result), the selected events as Arrow IPC, the
 * cutflow as CSV and Markdown, and the m4l plot as PNG and SVG.
 */
public final class HzzReport {
    /** The summary file, written last. */
    public static final String SUMMARY = SummaryJson.FILE;
    public static final String EVENTS = "selected_events.arrow";
    public static final String PLOT = "m4l";

    private HzzReport() {
    }

    /** Writes every output and commits the folder. */
    public static void write(HzzResult result, HzzFit fit, OutputFolder out,
            BufferAllocator allocator) throws IOException {
        SelectedEventsWriter.write(result.selectedEvents(), out.file(EVENTS), allocator);
        ReportFiles.cutflow(result.cutflow(), out);
        ReportFiles.plot(plot(result, fit), PLOT, out);
        out.file(SUMMARY);
        writeSummary(result, fit, out.files(), out.file(SUMMARY));
        out.commit(SUMMARY);
    }

    /**
     * Prints the cutflow, the fit (or why it was not performed) and the output folder, as
     * {@code hepbridge run} does on standard output.
     */
    public static void printSummary(PrintWriter out, HzzResult result, HzzFit fit,
            Path folder) {
        out.println("Cutflow (selection " + result.selection().name() + "): "
                + String.join(", ", result.cutflow().inputs()) + ", total");
        out.print(result.cutflow());
        if (fit.result() != null) {
            PeakFitResult peak = fit.result();
            String syst = peak.nuisances().isEmpty() ? "" : String.format(Locale.ROOT,
                    " +- %.2f (syst)", peak.massSystError());
            out.printf(Locale.ROOT, "Fit in [%.0f, %.0f) GeV, signal width %.2f GeV: m_H = %.2f"
                    + " +- %.2f (stat)%s GeV, signal yield %.1f +- %.1f, local significance"
                    + " %.2f sigma%n", fit.low(), fit.high(), fit.signalWidth(), peak.mass(),
                    peak.massStatError(), syst, peak.signalYield(), peak.signalYieldError(),
                    peak.localSignificance());
        } else {
            out.println("Fit not performed: " + fit.skippedBecause());
        }
        out.println("Outputs in " + folder);
        out.flush();
    }

    /** The m4l distribution: data points, and the fitted signal plus background curve. */
    static HistogramPlot plot(HzzResult result, HzzFit fit) {
        M4lBinning binning = M4lBinning.NARROW;
        Histogram data = result.histogram(binning, HzzAnalysis.NOMINAL, HzzResult.ALL_CHANNELS);
        HistogramPlot plot = new HistogramPlot()
                .xLabel("m_{4\u2113} [GeV]")
                .yLabel(String.format(java.util.Locale.ROOT, "Events / %.2f GeV",
                        binning.binWidth()))
                .text("ATLAS Open Data")
                .text(String.format(java.util.Locale.ROOT, "\u221As = %.0f TeV, %.0f fb^{-1}",
                        AtlasOpenData2020.SQRT_S_TEV, AtlasOpenData2020.LUMINOSITY_INVERSE_FB))
                .text("H \u2192 ZZ* \u2192 4\u2113, selection " + result.selection().name())
                .data("Data 2016", data);
        if (fit.result() != null) {
            PeakFitResult peak = fit.result();
            double width = binning.binWidth();
            plot.curve(massLabel(fit),
                    m -> inWindow(fit, m)
                            ? (peak.signalDensity(m) + peak.backgroundDensity(m)) * width
                            : Double.NaN,
                    new Color(0xd6, 0x27, 0x28));
            plot.curve("Fit: background", m -> inWindow(fit, m)
                    ? peak.backgroundDensity(m) * width : Double.NaN, new Color(0x1f, 0x77, 0xb4));
        }
        return plot;
    }

    /** "Fit: m_H = 121.68 ± 0.55 (stat) ± 0.13 (syst) GeV"; no syst term without variations. */
    static String massLabel(HzzFit fit) {
        PeakFitResult peak = fit.result();
        String label = String.format(java.util.Locale.ROOT,
                "Fit: m_{H} = %.2f \u00b1 %.2f (stat)", peak.mass(), peak.massStatError());
        if (!peak.nuisances().isEmpty()) {
            label += String.format(java.util.Locale.ROOT, " \u00b1 %.2f (syst)",
                    peak.massSystError());
        }
        return label + " GeV";
    }

    private static boolean inWindow(HzzFit fit, double m) {
        return m >= fit.low() && m <= fit.high();
    }

    private static void writeSummary(HzzResult result, HzzFit fit, List<String> files,
            Path destination) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("analysis", "atlas-hzz4l");
        summary.put("description", "Simplified H->ZZ*->4l analysis of ATLAS Open Data 2020, 13 TeV"
                + " 2016 data (4lep skim); energies and masses in GeV");
        summary.put("complete", true);
        summary.put("selection", Map.of("name", result.selection().name(),
                "description", result.selection().description()));
        summary.put("inputs", result.inputs().stream().map(HzzReport::inputJson).toList());
        summary.put("cutflow", SummaryJson.cutflow(result.cutflow()));
        summary.put("selected_events", result.selectedEvents().size());
        summary.put("histograms", result.histograms().stream().map(HzzReport::histogramJson)
                .toList());
        summary.put("fit", fitJson(fit));
        summary.put("calibration", calibrationJson(result.calibrationFile()));
        SummaryJson.write(summary, result.elapsed().toNanos() / 1e9, files, destination);
    }

    /** Which constants were used: the bundled file is named as such, not by its temp copy. */
    private static Map<String, Object> calibrationJson(Path file) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        boolean bundled = file.equals(CalibrationFiles.defaultFile());
        map.put("file", bundled ? "bundled with the legacy tools (native/data/hbl_calibration.txt)"
                : file.toAbsolutePath().toString());
        map.put("sha256", Checksums.sha256(file));
        return map;
    }

    private static Map<String, Object> inputJson(HzzResult.Input input) {
        Map<String, Object> map = SummaryJson.input(input.path(), input.name(), input.sha256(),
                input.bytes());
        map.put("entries", input.entries());
        map.put("entries_read", input.entriesRead());
        map.put("selected", input.selected());
        return map;
    }

    private static Map<String, Object> histogramJson(HzzResult.NamedHistogram named) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("name", named.binning().label());
        labels.put("variation", named.variation());
        labels.put("channel", named.channel());
        return SummaryJson.histogram(labels, named.histogram());
    }

    private static Map<String, Object> fitJson(HzzFit fit) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "extended unbinned ML: Gaussian signal (fixed width) + exponential"
                + " background; lepton-scale nuisance parameters move the signal peak");
        map.put("window_gev", List.of(fit.low(), fit.high()));
        if (fit.result() == null) {
            map.put("performed", false);
            map.put("reason", fit.skippedBecause());
            return map;
        }
        PeakFitResult peak = fit.result();
        boolean withNuisances = !peak.nuisances().isEmpty();
        map.put("performed", true);
        map.put("signal_width_gev", fit.signalWidth());
        map.put("signal_width_origin", "mean per-candidate sigma(m4l)/m4l in the window x 125 GeV,"
                + " from the lepton resolution model (FourLeptonResolution)");
        map.put("events_in_window", peak.eventsInRange());
        map.put("mass_gev", peak.mass());
        map.put("mass_total_error_gev", withNuisances ? peak.massError() : null);
        map.put("mass_stat_error_gev", peak.massStatError());
        map.put("mass_syst_error_gev", withNuisances ? peak.massSystError() : null);
        map.put("mass_interval_gev", intervalJson(fit, withNuisances));
        map.put("nuisance_parameters", peak.nuisances().stream().map(HzzReport::nuisanceJson)
                .toList());
        map.put("mass_syst", massSystJson(fit.massSystematic()));
        map.put("signal_yield", peak.signalYield());
        map.put("signal_yield_error", peak.signalYieldError());
        map.put("background_yield", peak.backgroundYield());
        map.put("background_yield_error", peak.backgroundYieldError());
        map.put("background_shape", peak.backgroundShape());
        map.put("background_density", "exponential".equals(peak.backgroundShape())
                ? "proportional to exp(-slope * m): a negative slope rises with m4l"
                : "linear in m4l, see BackgroundShape");
        map.put("background_slope_per_gev", peak.backgroundSlope());
        map.put("background_slope_error_per_gev", peak.backgroundSlopeError());
        map.put("nll_signal_plus_background", peak.nllSignalPlusBackground());
        map.put("nll_background_only", peak.nllBackgroundOnly());
        map.put("q0", peak.q0());
        map.put("local_significance", peak.localSignificance());
        map.put("converged", peak.converged());
        map.put("caveats", caveats());
        return map;
    }

    private static List<String> caveats() {
        List<String> caveats = new ArrayList<>();
        caveats.add("local significance: the look-elsewhere effect of the floating mass is not"
                + " included; q0 profiles the nuisance parameters in both hypotheses");
        caveats.add("mass_total_error_gev is the Hessian error with the nuisance parameters free,"
                + " mass_stat_error_gev the one with them fixed at their fitted values,"
                + " mass_syst_error_gev = sqrt(total^2 - stat^2). The Hessian at theta = 0, where"
                + " the interpolation of asymmetric shifts has a kink, averages the two sides;"
                + " mass_interval_gev keeps the asymmetry");
        caveats.add("the nuisance parameters cover the lepton energy/momentum scales only, with"
                + " the illustrative constants of the calibration file, not official ATLAS"
                + " uncertainties; the data have no handle on the scales other than the peak"
                + " itself, so the fitted thetas are 0 +- 1 and only widen the mass error");
        return caveats;
    }

    private static Map<String, Object> intervalJson(HzzFit fit, boolean withNuisances) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("method", "profile likelihood: masses where the NLL, minimised over the other"
                + " parameters, rises by 0.5 (68% CL)");
        map.put("total", withNuisances ? interval(fit.massInterval()) : null);
        map.put("stat", interval(fit.massStatInterval()));
        return map;
    }

    private static List<Double> interval(HzzFit.Interval interval) {
        return List.of(interval.lower(), interval.upper());
    }

    private static Map<String, Object> nuisanceJson(PeakFitResult.FittedNuisance n) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", n.source().name());
        map.put("delta_up_gev", n.source().shiftUp());
        map.put("delta_down_gev", n.source().shiftDown());
        map.put("theta", n.theta());
        map.put("theta_error", n.thetaError());
        return map;
    }

    private static Map<String, Object> massSystJson(MassScaleSystematic syst) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (syst == null) {
            map.put("performed", false);
            map.put("reason", "the run computed no calibration variations (--no-variations)");
            return map;
        }
        map.put("performed", true);
        map.put("method", "each EG_SCALE / MUON_SCALE variation is run through the whole"
                + " selection and its m4l values are refitted with the nominal model (window,"
                + " fixed width, start at the nominal mass, no nuisance parameters); shift ="
                + " varied - nominal mass. Per source the up and down shifts are the peak shifts"
                + " of its nuisance parameter at theta = +1 and -1, linear in between and beyond"
                + " (pyhf histosys code 0), constraint theta^2/2 in the NLL. Resolution"
                + " variations are left out: they change the width, which the fit fixes, not"
                + " the peak position");
        map.put("converged", syst.converged());
        List<Map<String, Object>> variations = new ArrayList<>();
        for (MassScaleSystematic.Shift shift : syst.variations()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("variation", shift.variation());
            v.put("mass_gev", shift.mass());
            v.put("shift_gev", shift.shift());
            v.put("events_in_window", shift.eventsInWindow());
            v.put("converged", shift.converged());
            variations.add(v);
        }
        map.put("variations", variations);
        return map;
    }
}
