package org.hepbridge.bench.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hepbridge.bench.NativeBuild;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.hzz.AnalysisPath;
import org.hepbridge.bench.hzz.AnalysisPaths;
import org.hepbridge.bench.hzz.Hzz4lCounts;
import org.hepbridge.bench.hzz.WholeAnalysisPath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The whole analysis over {@code events} replicated events of the dump named by the system
 * property {@value #DUMP_PROPERTY}, by one Java path: "naive" (a), "batched" (b, in batches of
 * {@code batch} events) or "cpp-ffm" (c). One operation is one complete run.
 *
 * <p>Every trial checks its last result, count by count, against the replication identity
 * evaluated with the C++ analysis (path c over the dump and the remainder), and records the
 * fork's peak RSS and the wall-clock and CPU time of each measured operation ({@link
 * TrialRecord}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class Hzz4lThroughputBenchmark {
    /** System property naming the column dump. */
    public static final String DUMP_PROPERTY = "hbl.bench.dump";

    @Param({"batched"})
    public String path;

    @Param({"10000"})
    public long events;

    @Param({"1000"})
    public int batch;

    private ColumnDump dump;
    private AnalysisPath analysis;
    private Hzz4lCounts expected;
    private Hzz4lCounts last;
    private final TrialRecord record = new TrialRecord();
    private boolean measuring;

    @Setup(Level.Trial)
    public void open() throws IOException {
        String file = System.getProperty(DUMP_PROPERTY);
        if (file == null) {
            throw new IllegalStateException("Hzz4lThroughputBenchmark: set -D" + DUMP_PROPERTY
                    + "=<column dump> (hepbridge-bench dump writes one)");
        }
        dump = ColumnDump.read(Path.of(file));
        try (WholeAnalysisPath reference = new WholeAnalysisPath(dump,
                NativeBuild.calibrationFile())) {
            expected = AnalysisPaths.predicted(reference, dump.events(), events);
        }
        analysis = AnalysisPaths.open(path, dump, NativeBuild.calibrationFile(), batch);
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public long analyse() {
        if (measuring) {
            record.start();
        }
        last = analysis.run(events);
        if (measuring) {
            record.stop();
        }
        return last.selected(0);
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            String difference = last == null ? null : expected.firstDifference(last);
            if (difference != null) {
                throw new IllegalStateException("Hzz4lThroughputBenchmark: path " + path
                        + " over " + events + " events (batch " + batch + ") differs from the "
                        + "C++ analysis at " + difference + " (C++ vs Java)");
            }
            record.write("throughput/path=" + path + "/events=" + events + "/batch=" + batch);
        } finally {
            analysis.close();
            dump.close();
        }
    }

    /** For tests: the counts of the last operation. */
    public Hzz4lCounts lastCounts() {
        return last;
    }
}
