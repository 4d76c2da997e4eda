package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.dump.DumpColumn;

/**
 * Path (b), the hepbridge way: events stream through in batches of columns, and each tool is
 * called once per batch and variation through the safe FFM wrappers (two to three downcalls
 * per batch and variation), on native buffers it reads and writes in place. Java only copies the batch
 * in (as a reader would fill it) and fills the histograms from the tools' per-event outputs.
 *
 * <p>Memory is one batch of buffers, whatever the number of events. Owns its tools and
 * buffers; close it. Not thread-safe.
 */
public final class BatchedPath implements AnalysisPath {
    private final LegacyTools tools;
    private final ReplicatedStream stream;
    private final BatchBuffers batch;
    // Java copies of the per-event values the histograms need, one batch long.
    private final byte[] trigE;
    private final byte[] trigM;
    private final boolean[] triggered;
    private final int[] eventMask;
    private final int[] channel;
    private final double[] m4l;
    private final double[] m12;

    /** A path over {@code dump} (borrowed) in batches of {@code batchSize} events. */
    public BatchedPath(ColumnDump dump, Path calibrationFile, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchedPath: batch size must be >= 1, got "
                    + batchSize);
        }
        this.tools = new LegacyTools(calibrationFile);
        this.stream = new ReplicatedStream(dump);
        this.batch = new BatchBuffers(batchSize, ReplicatedStream.maxLeptons(dump, batchSize));
        this.trigE = new byte[batchSize];
        this.trigM = new byte[batchSize];
        this.triggered = new boolean[batchSize];
        this.eventMask = new int[batchSize];
        this.channel = new int[batchSize];
        this.m4l = new double[batchSize];
        this.m12 = new double[batchSize];
    }

    @Override
    public String name() {
        return "batched";
    }

    /** Bytes of native memory of the batch buffers. */
    public long bufferBytes() {
        return batch.bytes();
    }

    @Override
    public Hzz4lCounts run(long events) {
        Hzz4lCounts counts = new Hzz4lCounts();
        stream.rewind();
        for (long done = 0; done < events; done += batch.events) {
            stream.read((int) Math.min(batch.capacity, events - done), batch);
            readTriggers();
            for (int v = 0; v < Hzz4lCounts.VARIATIONS.size(); v++) {
                runTools(v);
                fill(v, counts);
            }
        }
        return counts;
    }

    // A calibration tool asked for NOMINAL returns its input (the 2020 ntuples are already
    // calibrated), so it is only called for its own variations; otherwise the selection and
    // the builder read the input pt and E columns themselves, not a copy of them.
    private void runTools(int v) {
        BatchBuffers b = batch;
        MemorySegment type = b.in(DumpColumn.TYPE);
        MemorySegment eta = b.in(DumpColumn.ETA);
        MemorySegment pt = b.in(DumpColumn.PT);
        MemorySegment e = b.in(DumpColumn.E);
        if (varies(tools.electronVariation[v])) {
            tools.electrons.calibrate(tools.electronVariation[v], b.events,
                    b.in(DumpColumn.OFFSETS), b.in(DumpColumn.EVENT_NUMBER), type, pt, eta, e,
                    b.ptOut, b.eOut);
            pt = b.ptOut;
            e = b.eOut;
        }
        if (varies(tools.muonVariation[v])) {
            tools.muons.calibrate(tools.muonVariation[v], b.events, b.in(DumpColumn.OFFSETS),
                    b.in(DumpColumn.EVENT_NUMBER), type, pt, eta, e, b.ptOut, b.eOut);
            pt = b.ptOut;
            e = b.eOut;
        }
        tools.selection.select(b.leptons, type, pt, eta, b.in(DumpColumn.PTCONE30),
                b.in(DumpColumn.ETCONE20), b.in(DumpColumn.D0), b.in(DumpColumn.D0_SIGMA),
                b.in(DumpColumn.Z0), b.leptonMask);
        tools.builder.build(b.events, b.in(DumpColumn.OFFSETS), type, b.in(DumpColumn.CHARGE),
                pt, eta, b.in(DumpColumn.PHI), e, b.leptonMask, b.eventMask, b.channel, b.m4l,
                b.m12, b.m34, b.leptonIndex);
    }

    private static boolean varies(String variation) {
        return !variation.equals("NOMINAL");
    }

    // The tools' per-event outputs come over into Java arrays in bulk, and the loop runs on
    // arrays. A loop reading the segments element by element made C2's profiled loop
    // predicates fail on every large batch (-XX:+LogCompilation: profile_predicate traps at the
    // loop head), so each batch of 1e5 events ran mostly interpreted and the method was
    // recompiled over and over.
    private void fill(int v, Hzz4lCounts counts) {
        BatchBuffers b = batch;
        int events = b.events;
        MemorySegment.copy(b.eventMask, JAVA_INT, 0, eventMask, 0, events);
        MemorySegment.copy(b.channel, JAVA_INT, 0, channel, 0, events);
        MemorySegment.copy(b.m4l, JAVA_DOUBLE, 0, m4l, 0, events);
        MemorySegment.copy(b.m12, JAVA_DOUBLE, 0, m12, 0, events);
        for (int i = 0; i < events; i++) {
            if (triggered[i] && eventMask[i] == 0) {
                counts.fill(v, channel[i], m4l[i], m12[i]);
            }
        }
    }

    private void readTriggers() {
        int events = batch.events;
        MemorySegment.copy(batch.in(DumpColumn.TRIG_E), JAVA_BYTE, 0, trigE, 0, events);
        MemorySegment.copy(batch.in(DumpColumn.TRIG_M), JAVA_BYTE, 0, trigM, 0, events);
        for (int i = 0; i < events; i++) {
            triggered[i] = trigE[i] != 0 || trigM[i] != 0;
        }
    }

    @Override
    public void close() {
        batch.close();
        tools.close();
    }
}
