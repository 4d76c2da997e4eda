package org.hepbridge.spark;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.DoubleStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.analysis.atlas.Hzz4lSelection;
import org.hepbridge.analysis.atlas.HzzAnalysis;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.atlas.SelectedEvent;
import org.hepbridge.legacy.CalibrationFiles;

/**
 * The ATLAS H->ZZ*->4l analysis ({@link HzzAnalysis}) distributed by Apache Spark.
 *
 * <p>The unit of work is one input file: {@link #run} makes one Spark task per file. Each task
 * runs the unchanged single-machine {@link HzzAnalysis} on its file, with its own native tools
 * and its own Arrow allocator (both closed before the task ends), and returns a small
 * serializable partial result: cutflow counts, histogram contents, selected events and m4l
 * values. Spark collects the partials in input order and the driver adds them into one
 * {@link HzzResult}, the same kind a single-machine run gives. Scheduling, retries and data
 * transfer are Spark's; nothing here starts threads or opens connections.
 *
 * <p>One large file is not split into entry ranges: it is one task. {@link HzzAnalysis#run}
 * takes whole files (it has no entry-range entry point), and the 2016 open-data files hold 39
 * to 400 events each, where splitting would cost more in task start-up than it could gain.
 * A file far larger than the others therefore bounds the wall time of a job.
 *
 * <p>Input paths are opened by the tasks, so on a cluster every path must be readable, under
 * the same name, on every executor host (a shared file system); so must a calibration file
 * given with {@link Builder#calibrationFile}. The bundled native library is for linux-x86_64.
 *
 * <p>An instance holds only configuration and may be used from several threads; each
 * {@link #run} is one Spark job on the caller's context, which the caller owns and stops.
 */
public final class SparkHzzAnalysis {
    private final TaskConfig config;

    private SparkHzzAnalysis(TaskConfig config) {
        this.config = config;
    }

    /** A builder with {@link HzzAnalysis}'s defaults: selection "c", all variations. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A Spark configuration for {@code master} (e.g. {@code local[2]}) whose driver binds to
     * and advertises 127.0.0.1 only, with the web UI, the event log and the console progress
     * bar off. Each of these is a default: a {@code spark.*} Java system property set by the
     * user (e.g. {@code -Dspark.driver.host=...}, which executors on other hosts need) wins.
     */
    public static SparkConf loopbackConf(String master) {
        return new SparkConf()
                .setMaster(master)
                .setAppName("hepbridge-hzz4l")
                .setIfMissing("spark.driver.host", "127.0.0.1")
                .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false")
                .setIfMissing("spark.eventLog.enabled", "false");
    }

    /**
     * Runs the analysis on {@code inputs} (ROOT files with the tree {@code mini}), one Spark
     * task per file, and merges the results in input order.
     *
     * @param inputs file paths as the executors see them; file names must be distinct, since
     *     they label the results
     * @throws IllegalArgumentException no inputs, or two inputs with the same file name
     * @throws InputFailedException a task failed; the message names its input file
     * @throws IOException the bundled calibration file cannot be prepared on the driver
     */
    public HzzResult run(JavaSparkContext spark, List<String> inputs) throws IOException {
        Objects.requireNonNull(spark, "spark");
        checkInputs(inputs);
        long started = System.nanoTime();
        List<FilePartial> partials;
        try {
            partials = spark.parallelize(inputs, inputs.size()).map(config::analyse).collect();
        } catch (Exception e) {
            // Spark (Scala) throws the checked SparkException undeclared.
            throw inputFailure(e);
        }
        Path calibration = config.calibrationFile() != null ? Path.of(config.calibrationFile())
                : CalibrationFiles.defaultFile();
        return merge(config.selection(), partials, calibration,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The checks {@link #run} makes on its inputs, for front ends to make before Spark starts. */
    static void checkInputs(List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("SparkHzzAnalysis: no input files given");
        }
        Map<String, String> byName = new HashMap<>();
        for (String input : inputs) {
            Path name = Path.of(input).getFileName();
            String same = byName.putIfAbsent(name == null ? input : name.toString(), input);
            if (same != null) {
                throw new IllegalArgumentException("SparkHzzAnalysis: inputs " + same + " and "
                        + input + " have the same file name, which labels results; rename one");
            }
        }
    }

    /**
     * The task's own exception if Spark carried it back (as the cause of its SparkException),
     * else Spark's, which names no file.
     */
    private static RuntimeException inputFailure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputFailedException failed) {
                return new InputFailedException(failed.input(), messageAfterPrefix(failed),
                        failed);
            }
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("SparkHzzAnalysis: the Spark job failed: "
                + e.getMessage(), e);
    }

    private static String messageAfterPrefix(InputFailedException failed) {
        String prefix = "SparkHzzAnalysis: input " + failed.input() + ": ";
        String message = failed.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /**
     * Adds per-file partials, in the given order, into one result: cutflows per file, summed
     * histograms, the selected events and m4l values concatenated.
     */
    static HzzResult merge(Hzz4lSelection selection, List<FilePartial> partials,
            Path calibration, Duration elapsed) {
        Cutflow cutflow = new Cutflow(selection.cutflowSteps());
        List<HzzResult.Input> inputs = new ArrayList<>();
        List<HzzResult.NamedHistogram> histograms = null;
        List<SelectedEvent> events = new ArrayList<>();
        Map<String, double[]> m4l = new LinkedHashMap<>();
        for (FilePartial partial : partials) {
            inputs.add(partial.toInput());
            partial.addCutflowTo(cutflow);
            histograms = histograms == null ? partial.namedHistograms()
                    : addHistograms(histograms, partial.namedHistograms());
            partial.events().forEach(e -> events.add(e.toEvent()));
            partial.m4l().forEach((variation, values) -> m4l.merge(variation, values,
                    (a, b) -> DoubleStream.concat(DoubleStream.of(a), DoubleStream.of(b))
                            .toArray()));
        }
        return new HzzResult(selection, inputs, cutflow, histograms, events, m4l, calibration,
                elapsed);
    }

    private static List<HzzResult.NamedHistogram> addHistograms(
            List<HzzResult.NamedHistogram> sum, List<HzzResult.NamedHistogram> more) {
        if (sum.size() != more.size()) {
            throw new IllegalStateException("SparkHzzAnalysis: partial results hold "
                    + sum.size() + " and " + more.size() + " histograms; every task must run"
                    + " the same variations");
        }
        for (int i = 0; i < sum.size(); i++) {
            HzzResult.NamedHistogram a = sum.get(i);
            HzzResult.NamedHistogram b = more.get(i);
            if (a.binning() != b.binning() || !a.variation().equals(b.variation())
                    || !a.channel().equals(b.channel())) {
                throw new IllegalStateException("SparkHzzAnalysis: histogram " + i + " is "
                        + a.binning().label() + "/" + a.variation() + "/" + a.channel()
                        + " in one partial result and " + b.binning().label() + "/"
                        + b.variation() + "/" + b.channel() + " in another");
            }
            a.histogram().add(b.histogram());
        }
        return sum;
    }

    /** The parts of a {@link Hzz4lSelection}, which is not serializable itself. */
    private record SelectionParts(String name, String description, boolean requireTrigger,
            boolean goodLeptonsOnly, List<Double> leadingLeptonMinPtGeV) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        static SelectionParts of(Hzz4lSelection s) {
            return new SelectionParts(s.name(), s.description(), s.requireTrigger(),
                    s.goodLeptonsOnly(), List.copyOf(s.leadingLeptonMinPtGeV()));
        }

        Hzz4lSelection selection() {
            return new Hzz4lSelection(name, description, requireTrigger, goodLeptonsOnly,
                    leadingLeptonMinPtGeV);
        }
    }

    /** The configuration a task needs, sent to it by Spark. */
    private record TaskConfig(SelectionParts selectionParts, boolean withVariations,
            int batchSize, String calibrationFile) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        Hzz4lSelection selection() {
            return selectionParts.selection();
        }

        /** Runs inside a Spark task: the whole single-machine analysis on one file. */
        FilePartial analyse(String input) {
            Path path = Path.of(input);
            if (!Files.isRegularFile(path)) {
                throw new InputFailedException(input, (Files.exists(path) ? "not a regular file"
                        : "no such file") + " on " + executor(), null);
            }
            HzzAnalysis.Builder builder = HzzAnalysis.builder().selection(selection())
                    .withVariations(withVariations).batchSize(batchSize);
            if (calibrationFile != null) {
                builder.calibrationFile(Path.of(calibrationFile));
            }
            try (BufferAllocator allocator = new RootAllocator()) {
                return FilePartial.of(builder.build().run(List.of(path), allocator,
                        ProgressListener.NONE));
            } catch (IOException | RuntimeException e) {
                throw new InputFailedException(input, "analysis failed on " + executor() + ": "
                        + e.getMessage(), e);
            }
        }

        private static String executor() {
            SparkEnv env = SparkEnv.get();
            return env == null ? "the driver" : "Spark executor " + env.executorId();
        }
    }

    /**
     * Configures a {@link SparkHzzAnalysis}; options are checked where they are set. It mirrors
     * {@link HzzAnalysis.Builder} because the options travel to the executors as a serializable
     * task configuration from which each task builds its own {@link HzzAnalysis} (which holds
     * no state worth shipping and is not serializable).
     */
    public static final class Builder {
        private Hzz4lSelection selection = Hzz4lSelection.C;
        private boolean withVariations = true;
        private int batchSize = 100_000;
        private String calibrationFile;

        private Builder() {
        }

        /** The event selection (default: {@link Hzz4lSelection#C}). */
        public Builder selection(Hzz4lSelection selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** Whether to run every calibration variation besides the nominal (default true). */
        public Builder withVariations(boolean withVariations) {
            this.withVariations = withVariations;
            return this;
        }

        /** Events per batch handed to the native tools in each task (default 100000). */
        public Builder batchSize(int batchSize) {
            HzzAnalysis.builder().batchSize(batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** A calibration constants file readable at this path on every executor. */
        public Builder calibrationFile(Path calibrationFile) {
            this.calibrationFile = Objects.requireNonNull(calibrationFile, "calibrationFile")
                    .toString();
            return this;
        }

        public SparkHzzAnalysis build() {
            return new SparkHzzAnalysis(new TaskConfig(SelectionParts.of(selection),
                    withVariations, batchSize, calibrationFile));
        }
    }
}
