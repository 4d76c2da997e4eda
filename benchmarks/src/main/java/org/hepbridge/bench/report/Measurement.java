package org.hepbridge.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One timed configuration of the whole analysis.
 *
 * @param path what ran (C++ or one of the Java paths), as the table shows it
 * @param events replicated events per run
 * @param batch events per batch for the batched path, 0 otherwise
 * @param millisPerRun median time of one run over all events
 * @param peakRssKiB peak resident set size of the measuring process, -1 if unknown
 * @param samples how many timings the median is taken over
 */
public record Measurement(String path, long events, int batch, double millisPerRun,
        long peakRssKiB, int samples) {

    /** Events processed per second. */
    public double eventsPerSecond() {
        return events / (millisPerRun / 1000.0);
    }

    /** The median of {@code values} (mean of the middle two for an even count). */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Measurement.median: no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    }
}
