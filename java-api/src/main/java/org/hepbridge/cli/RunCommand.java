package org.hepbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.analysis.atlas.Hzz4lSelection;
import org.hepbridge.analysis.atlas.HzzAnalysis;
import org.hepbridge.analysis.atlas.HzzFit;
import org.hepbridge.analysis.atlas.HzzReport;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.cms.CmsHzz4lAnalysis;
import org.hepbridge.analysis.cms.CmsHzz4lReport;
import org.hepbridge.analysis.cms.CmsHzz4lResult;
import org.hepbridge.data.DataLocator;
import org.hepbridge.output.OutputFolder;
import org.hepbridge.stats.BinnedFitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hepbridge run}: runs a bundled analysis end to end and writes its outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run a bundled analysis and write summary.json, the selected events, the cutflow"
                    + " and plots into the output folder.",
            "With no arguments: the ATLAS H->ZZ*->4l analysis on the four 2016 open-data files"
                    + " data_{A,B,C,D}.4lep.root found in the data folder.",
            "--analysis cms-hzz4l: the CMS 2011-2012 H->ZZ->4l education analysis on the"
                    + " 4-lepton CSVs in cms-opendata-education/ of the data folder; it writes"
                    + " the histograms as UHI JSON instead of the selected events."},
        footer = {"", "Data folder: --data, else $HEPBRIDGE_DATA, else ../shared/data beside"
                + " the checkout.", "Exit codes: 0 success, 1 the run failed, 2 bad usage."})
final class RunCommand implements Callable<Integer> {
    static final String ATLAS = "atlas-hzz4l";
    static final String CMS = "cms-hzz4l";
    private static final List<String> ATLAS_ONLY_OPTIONS = List.of("--selection",
            "--no-variations", "--batch-size", "--calibration");
    /** Inputs with at least this many entries get percentage progress messages. */
    private static final long LARGE_INPUT_ENTRIES = 200_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--analysis", defaultValue = "atlas-hzz4l", paramLabel = "NAME",
            description = "Analysis to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = AnalysisNames.class)
    String analysis;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the input data (see the footer for the default).")
    Path data;

    @Option(names = {"-o", "--output"}, defaultValue = "hepbridge-output", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}); files appear in it only"
                    + " when the run succeeds.")
    Path output;

    @Option(names = "--selection", defaultValue = "c", paramLabel = "a|b|c",
            description = "ATLAS only. Event selection: a (charge and flavour of the first four"
                    + " leptons), b (a plus pT > 30, 20, 10 GeV), c (2020 ATLAS H->ZZ*->4l,"
                    + " default).")
    String selection;

    @Option(names = "--no-variations", description = "ATLAS only. Skip the calibration systematic"
            + " variations (only the nominal histograms are filled).")
    boolean noVariations;

    @Option(names = "--batch-size", defaultValue = "100000", paramLabel = "N",
            description = "ATLAS only. Events per batch handed to the native tools"
                    + " (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "ATLAS only. Calibration constants file (default: the one shipped"
                    + " with the tools).")
    Path calibration;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on standard error.")
    boolean quiet;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "ATLAS only. ROOT files with the tree 'mini' to analyse instead of"
                    + " the four 2016 data files.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        return switch (analysis) {
            case ATLAS -> runAtlas();
            case CMS -> runCms();
            default -> throw new ParameterException(spec.commandLine(), "unknown analysis '"
                    + analysis + "'; known: " + String.join(", ", new AnalysisNames()));
        };
    }

    private int runCms() throws Exception {
        rejectAtlasOnlyOptions();
        Path folder = DataLocator.resolve(Optional.ofNullable(data));
        usage(() -> RunPaths.checkOutput(output, List.of(folder,
                folder.resolve(CmsHzz4lAnalysis.FOLDER))));
        PrintWriter err = spec.commandLine().getErr();
        announceDataFolder(err, folder);
        try (OutputFolder out = OutputFolder.create(output)) {
            CmsHzz4lResult result = CmsHzz4lAnalysis.run(folder, progress(err));
            CmsHzz4lReport.write(result, out);
            printCmsSummary(result, out.target());
        }
        return 0;
    }

    /** The options that configure the ATLAS analysis only are usage errors for another one. */
    private void rejectAtlasOnlyOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        for (String option : ATLAS_ONLY_OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "option " + option
                        + " applies to --analysis " + ATLAS + " only, not " + analysis);
            }
        }
        if (!files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "input files on the command line"
                    + " apply to --analysis " + ATLAS + " only; " + analysis + " reads its"
                    + " inputs from the data folder (--data)");
        }
    }

    private int runAtlas() throws Exception {
        HzzAnalysis configured = configure();
        List<Path> inputs = inputs();
        usage(() -> RunPaths.checkInputs(inputs));
        List<Path> dataFolders = new ArrayList<>(inputs.stream()
                .map(input -> input.toAbsolutePath().getParent()).distinct().toList());
        if (files.isEmpty()) {
            dataFolders.add(DataLocator.resolve(Optional.ofNullable(data)));
        }
        usage(() -> RunPaths.checkOutput(output, dataFolders));
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty()) {
            announceDataFolder(err, DataLocator.resolve(Optional.ofNullable(data)));
        }
        try (BufferAllocator allocator = new RootAllocator();
                OutputFolder out = OutputFolder.create(output)) {
            HzzResult result = configured.run(inputs, allocator, progress(err));
            HzzFit fit = HzzFit.fit(result);
            HzzReport.write(result, fit, out, allocator);
            HzzReport.printSummary(spec.commandLine().getOut(), result, fit, out.target());
        }
        return 0;
    }

    private HzzAnalysis configure() {
        HzzAnalysis.Builder builder = HzzAnalysis.builder().withVariations(!noVariations);
        try {
            builder.selection(Hzz4lSelection.byName(selection)).batchSize(batchSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (calibration != null) {
            if (java.nio.file.Files.isDirectory(calibration)) {
                throw new ParameterException(spec.commandLine(), "--calibration " + calibration
                        + " is a folder; a calibration constants file is expected");
            }
            builder.calibrationFile(calibration);
        }
        return builder.build();
    }

    private List<Path> inputs() throws Exception {
        if (!files.isEmpty()) {
            return files;
        }
        Path folder = DataLocator.resolve(Optional.ofNullable(data));
        List<Path> inputs = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            inputs.add(DataLocator.requireFile(folder, relative));
        }
        return inputs;
    }

    /** A check whose IllegalArgumentException is a usage error (exit 2). */
    private interface UsageCheck {
        void run() throws Exception;
    }

    private void usage(UsageCheck check) throws Exception {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void announceDataFolder(PrintWriter err, Path folder) {
        if (!quiet) {
            err.println("hepbridge: data folder " + folder);
            err.flush();
        }
    }

    private ProgressListener progress(PrintWriter err) {
        if (quiet) {
            return ProgressListener.NONE;
        }
        return new ProgressListener() {
            @Override
            public void inputStarted(Path input, long entries) {
                err.printf("hepbridge: %s: %d entries%n", input.getFileName(), entries);
                err.flush();
            }

            private long nextReport;

            @Override
            public void progress(Path input, long done, long entries) {
                // Small files finish at once; large ones report every tenth of their entries.
                if (entries < LARGE_INPUT_ENTRIES || done >= entries) {
                    return;
                }
                if (done >= nextReport) {
                    err.printf("hepbridge: %s: %d%% (%d of %d entries)%n", input.getFileName(),
                            100 * done / entries, done, entries);
                    err.flush();
                    nextReport = done + entries / 10;
                }
            }

            @Override
            public void inputFinished(Path input, long entries, long selected) {
                nextReport = 0;
                err.printf("hepbridge: %s: %d of %d events selected%n", input.getFileName(),
                        selected, entries);
                err.flush();
            }
        };
    }

    private void printCmsSummary(CmsHzz4lResult result, Path folder) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Cutflow: " + String.join(", ", result.cutflow().inputs()) + ", total");
        out.print(result.cutflow());
        BinnedFitResult fit = result.fit();
        out.printf(Locale.ROOT, "Binned fit of m4l in [%.0f, %.0f) GeV, %d bins, %.0f events:"
                + " mu = %.3f, 68%% interval [%.3f, %.3f]; significance observed %.2f sigma"
                + " (q0 = %.2f), expected %.2f sigma (q0 = %.2f)%s%n",
                CmsHzz4lAnalysis.M4L_LOW, CmsHzz4lAnalysis.M4L_HIGH, CmsHzz4lAnalysis.BINS,
                result.eventsInRange(), fit.muHat(), fit.muLow(), fit.muHigh(),
                fit.observedSignificance(), fit.q0(), fit.expectedSignificance(),
                fit.q0Expected(), fit.converged() ? "" : " (fit did NOT converge)");
        out.println("Outputs in " + folder);
        out.flush();
    }

    /** Names accepted by --analysis. */
    static final class AnalysisNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AnalysisNames() {
            super(List.of(ATLAS, CMS));
        }
    }
}
