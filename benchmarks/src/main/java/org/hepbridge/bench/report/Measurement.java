package org.hepbridge.bench.report;

/**
 * One timed configuration of the whole analysis.
 *
 * @param path what ran (C++ or one of the Java paths), as the table shows it
 * @param events replicated events per run
 * @param batch events per batch for the batched path, 0 otherwise
 * @param wallMillis median wall-clock time of one run over all events
 * @param cpuMillis median process CPU time of one run
 * @param peakRssKiB peak resident set size of the measuring process, -1 if unknown
 * @param runs how many runs the medians are taken over
 */
public record Measurement(String path, long events, int batch, double wallMillis,
        double cpuMillis, long peakRssKiB, int runs) {

    /** Events per second of wall-clock time. */
    public double eventsPerWallSecond() {
        return events / (wallMillis / 1000.0);
    }

    /** Events per second of process CPU time. */
    public double eventsPerCpuSecond() {
        return events / (cpuMillis / 1000.0);
    }
}
