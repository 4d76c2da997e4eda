package org.hepbridge.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The peak resident set size of this JVM (VmHWM of /proc/self/status), recorded by each JMH
 * fork when its trial ends, so that the table shows the memory of one configuration per
 * process. Stateless and thread-safe.
 */
public final class PeakMemory {
    /** System property naming the file the forks append their peaks to. */
    public static final String FILE_PROPERTY = "hbl.bench.rssFile";

    private PeakMemory() {
    }

    /** VmHWM in KiB, or -1 where /proc/self/status does not exist. */
    public static long peakKiB() {
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
            throw new UncheckedIOException("PeakMemory: cannot read " + status, e);
        }
    }

    /**
     * Appends "{@code key} peakKiB" to the file named by {@value #FILE_PROPERTY}, if set.
     * {@code key} is the benchmark and its parameters, without blanks.
     */
    public static void record(String key) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), key + " " + peakKiB() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("PeakMemory: cannot append to " + file, e);
        }
    }
}
