package org.hepbridge.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.api.java.JavaSparkContext;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.analysis.atlas.Hzz4lSelection;
import org.hepbridge.analysis.atlas.HzzFit;
import org.hepbridge.analysis.atlas.HzzReport;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.data.DataLocator;
import org.hepbridge.output.OutputFolder;
import org.hepbridge.output.SoftwareVersions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hepbridge-spark}: the ATLAS H->ZZ*->4l analysis of {@code hepbridge run}, distributed
 * by Apache Spark ({@link SparkHzzAnalysis}, one task per input file). It writes the same
 * output folder and prints the same cutflow and fit summary. Exit codes: 0 success, 1 the run
 * failed, 2 bad usage; logs and errors go to standard error.
 */
@Command(name = "hepbridge-spark", mixinStandardHelpOptions = true,
        versionProvider = SparkRunMain.Versions.class,
        description = {
            "Run the ATLAS H->ZZ*->4l analysis on Apache Spark, one Spark task per input file,"
                    + " and write summary.json, the selected events, the cutflow and plots"
                    + " into the output folder (as 'hepbridge run' does).",
            "With no FILE arguments: the four 2016 open-data files data_{A,B,C,D}.4lep.root"
                    + " found in the data folder."},
        footer = {"", "Data folder: --data, else $HEPBRIDGE_DATA, else ../shared/data beside"
                + " the checkout.",
            "On a cluster every input path must be readable on every executor; the bundled"
                    + " native tools are for linux-x86_64 only.",
            "Exit codes: 0 success, 1 the run failed, 2 bad usage."})
public final class SparkRunMain implements Callable<Integer> {
    /** Exit code when the work itself failed. */
    public static final int EXIT_FAILURE = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "URL",
            description = "Spark master (default: ${DEFAULT-VALUE}, two worker threads in this"
                    + " JVM). The driver binds to 127.0.0.1 only.")
    String master;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder holding the input data (see the footer for the default).")
    Path data;

    @Option(names = {"-o", "--output"}, defaultValue = "hepbridge-output", paramLabel = "DIR",
            description = "Output folder (default: ${DEFAULT-VALUE}); files appear in it only"
                    + " when the run succeeds.")
    Path output;

    @Option(names = "--selection", defaultValue = "c", paramLabel = "a|b|c",
            description = "Event selection, as for 'hepbridge run' (default: ${DEFAULT-VALUE}).")
    String selection;

    @Option(names = "--no-variations", description = "Skip the calibration systematic"
            + " variations (only the nominal histograms are filled).")
    boolean noVariations;

    @Option(names = "--batch-size", defaultValue = "100000", paramLabel = "N",
            description = "Events per batch handed to the native tools in each task"
                    + " (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Calibration constants file, readable at this path on every"
                    + " executor (default: the one shipped with the tools).")
    Path calibration;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on standard error.")
    boolean quiet;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "ROOT files with the tree 'mini' to analyse instead of the four 2016"
                    + " data files.")
    List<String> files = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests and embedders). */
    public static int execute(String... args) {
        return execute(new CommandLine(new SparkRunMain()), args);
    }

    /** As {@link #execute(String...)}, printing to {@code out} and {@code err}. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SparkRunMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return execute(commandLine, args);
    }

    private static int execute(CommandLine commandLine, String... args) {
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("hepbridge-spark: " + describe(exception));
            return EXIT_FAILURE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        SparkHzzAnalysis analysis = configure();
        List<String> inputs = inputs();
        try {
            SparkHzzAnalysis.checkInputs(inputs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (output.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--output must name a folder");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            err.printf("hepbridge-spark: %d input file%s, Spark master %s%n", inputs.size(),
                    inputs.size() == 1 ? "" : "s", master);
            err.flush();
        }
        try (JavaSparkContext spark = startSpark();
                BufferAllocator allocator = new RootAllocator();
                OutputFolder out = OutputFolder.create(output)) {
            HzzResult result = analysis.run(spark, inputs);
            HzzFit fit = HzzFit.fit(result);
            HzzReport.write(result, fit, out, allocator);
            if (!quiet) {
                err.printf("hepbridge-spark: %d events selected, Spark job %.1f s%n",
                        result.selectedEvents().size(), result.elapsed().toMillis() / 1e3);
                err.flush();
            }
            HzzReport.printSummary(spec.commandLine().getOut(), result, fit, out.target());
        }
        return 0;
    }

    /**
     * The Spark context for {@code --master}. Spark checks the master URL only while it
     * starts; a URL it cannot use is a bad option (exit 2), any other start-up failure a failed
     * run (exit 1).
     */
    private JavaSparkContext startSpark() throws Exception {
        try {
            return new JavaSparkContext(SparkHzzAnalysis.loopbackConf(master));
        } catch (Exception e) {  // Spark's SparkException is checked, and thrown undeclared
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Could not parse Master URL")
                    || message.startsWith("Asked to run locally with")) {
                throw new ParameterException(spec.commandLine(), "--master " + master + ": "
                        + message);
            }
            throw e;
        }
    }

    private SparkHzzAnalysis configure() {
        SparkHzzAnalysis.Builder builder = SparkHzzAnalysis.builder()
                .withVariations(!noVariations);
        try {
            builder.selection(Hzz4lSelection.byName(selection)).batchSize(batchSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (calibration != null) {
            if (Files.isDirectory(calibration)) {
                throw new ParameterException(spec.commandLine(), "--calibration " + calibration
                        + " is a folder; a calibration constants file is expected");
            }
            builder.calibrationFile(calibration);
        }
        return builder.build();
    }

    /** The command line's files as given (executors open them), else the four data files. */
    private List<String> inputs() throws Exception {
        if (!files.isEmpty()) {
            return files;
        }
        Path folder = DataLocator.resolve(Optional.ofNullable(data));
        List<String> inputs = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            inputs.add(DataLocator.requireFile(folder, relative).toAbsolutePath().toString());
        }
        return inputs;
    }

    /** The message, followed by those of causes it does not already contain. */
    private static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause(); cause != null && cause != exception;
                cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    /** The versions every summary records, and Spark's. */
    static final class Versions implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Map<String, String> versions = SoftwareVersions.describe();
            return java.util.stream.Stream.concat(versions.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()),
                    java.util.stream.Stream.of("Apache Spark "
                            + org.apache.spark.package$.MODULE$.SPARK_VERSION()))
                    .toArray(String[]::new);
        }
    }
}
