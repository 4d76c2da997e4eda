package org.hepbridge.bench.hzz;

/**
 * One way of running the benchmark analysis from Java over the replicated events of a column
 * dump. Implementations own native resources: close them. Not thread-safe.
 */
public interface AnalysisPath extends AutoCloseable {

    /** Short name used in tables, e.g. "batched". */
    String name();

    /**
     * Runs the analysis over the first {@code events} events of the replicated stream (event k
     * is dump event k mod n) and returns fresh counts.
     */
    Hzz4lCounts run(long events);

    @Override
    void close();
}
