package org.hepbridge.bench.hzz;

import java.nio.file.Path;
import java.util.List;
import org.hepbridge.bench.dump.ColumnDump;

/** Opens the Java paths by the names tables and JMH parameters use. */
public final class AnalysisPaths {
    /** (a) per-event downcalls, (b) per-batch downcalls, (c) the C++ loop in one downcall. */
    public static final List<String> NAMES = List.of("naive", "batched", "cpp-ffm");

    private AnalysisPaths() {
    }

    /**
     * Opens path {@code name} over {@code dump} (borrowed); {@code batchSize} matters for
     * "batched" only.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static AnalysisPath open(String name, ColumnDump dump, Path calibrationFile,
            int batchSize) {
        return switch (name) {
            case "naive" -> new NaivePath(dump, calibrationFile);
            case "batched" -> new BatchedPath(dump, calibrationFile, batchSize);
            case "cpp-ffm" -> new WholeAnalysisPath(dump, calibrationFile);
            default -> throw new IllegalArgumentException("unknown analysis path '" + name
                    + "'; known: " + String.join(", ", NAMES));
        };
    }

    /**
     * The counts the replication identity predicts for {@code events} stream events,
     * (events div n) counts(n) + counts(events mod n), from two short runs of {@code path}.
     */
    public static Hzz4lCounts predicted(AnalysisPath path, long dumpEvents, long events) {
        if (dumpEvents == 0) {
            return new Hzz4lCounts();
        }
        Hzz4lCounts whole = path.run(dumpEvents);
        return path.run(events % dumpEvents).add(whole, events / dumpEvents);
    }
}
