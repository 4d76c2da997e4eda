package org.hepbridge.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.hepbridge.bench.ProcessCpuClock;

/**
 * What a JMH fork records besides JMH's own score, appended as one line to the file named by
 * {@value #FILE_PROPERTY}: {@code key rss_kib=.. wall_ms=.. cpu_ms=.. runs=..}, with the
 * medians of the wall-clock and process CPU time of the measured operations and the peak
 * resident set size of the fork (VmHWM of /proc/self/status). CPU time comes from {@link
 * ProcessCpuClock}.
 *
 * <p>CPU time is recorded because the benchmark machine is shared: wall-clock time then also
 * measures the other tenants. Process CPU time counts every JVM thread (JIT, GC), so it is
 * not flattering to Java. Not thread-safe: one per benchmark state.
 */
public final class TrialRecord {
    /** System property naming the file the forks append their records to. */
    public static final String FILE_PROPERTY = "hbl.bench.recordFile";

    private final List<Double> wallMillis = new ArrayList<>();
    private final List<Double> cpuMillis = new ArrayList<>();
    private long wallStart;
    private long cpuStart;

    /** Marks the start of an operation. */
    public void start() {
        cpuStart = ProcessCpuClock.nanos();
        wallStart = System.nanoTime();
    }

    /** Marks the end of an operation started with {@link #start()} and keeps its times. */
    public void stop() {
        long wall = System.nanoTime() - wallStart;
        long cpu = ProcessCpuClock.nanos() - cpuStart;
        wallMillis.add(wall / 1e6);
        cpuMillis.add(cpu / 1e6);
    }

    /** Appends the record of {@code key} (no blanks) if the file property is set. */
    public void write(String key) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        String line = String.format(Locale.ROOT,
                "%s rss_kib=%d wall_ms=%.6f cpu_ms=%.6f runs=%d%n", key, peakRssKiB(),
                median(wallMillis), median(cpuMillis), wallMillis.size());
        try {
            Files.writeString(Path.of(file), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("TrialRecord: cannot append to " + file, e);
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    }

    /** VmHWM in KiB, or -1 where /proc/self/status does not exist. */
    public static long peakRssKiB() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("TrialRecord: cannot read " + status, e);
        }
    }
}
