package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.dump.DumpColumn;

/**
 * Path (a): the per-object habit carried over to Java: an event loop that calls each tool
 * through the safe FFM wrappers once per event and variation (batches of one event: four
 * downcalls per event and variation). The tools read the dump's columns in place through
 * slices; nothing is copied.
 *
 * <p>Owns its tools and output buffers; close it. Not thread-safe.
 */
public final class NaivePath implements AnalysisPath {
    private final ColumnDump dump;
    private final LegacyTools tools;
    private final Arena arena = Arena.ofShared();
    // Per lepton of the dump (indexed like its columns), written by the tools.
    private final MemorySegment ptOut;
    private final MemorySegment eOut;
    private final MemorySegment maskOut;
    // Per event: one event's results.
    private final MemorySegment eventMask;
    private final MemorySegment channel;
    private final MemorySegment m4l;
    private final MemorySegment m12;
    private final MemorySegment m34;
    private final MemorySegment leptonIndex;

    /** A path over {@code dump} (borrowed: it must outlive this path). */
    public NaivePath(ColumnDump dump, Path calibrationFile) {
        this.dump = dump;
        this.tools = new LegacyTools(calibrationFile);
        long leptons = Math.max(1, dump.leptons());
        ptOut = arena.allocate(JAVA_FLOAT, leptons);
        eOut = arena.allocate(JAVA_FLOAT, leptons);
        maskOut = arena.allocate(JAVA_INT, leptons);
        eventMask = arena.allocate(JAVA_INT);
        channel = arena.allocate(JAVA_INT);
        m4l = arena.allocate(JAVA_DOUBLE);
        m12 = arena.allocate(JAVA_DOUBLE);
        m34 = arena.allocate(JAVA_DOUBLE);
        leptonIndex = arena.allocate(JAVA_INT, 4);
    }

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public Hzz4lCounts run(long events) {
        Hzz4lCounts counts = new Hzz4lCounts();
        long n = dump.events();
        long i = 0;
        for (long k = 0; k < events; k++) {
            if (triggered(i)) {
                analyseEvent(i, counts);
            }
            if (++i == n) {
                i = 0;
            }
        }
        return counts;
    }

    private boolean triggered(long i) {
        return dump.column(DumpColumn.TRIG_E).get(JAVA_BYTE, i) != 0
                || dump.column(DumpColumn.TRIG_M).get(JAVA_BYTE, i) != 0;
    }

    private void analyseEvent(long i, Hzz4lCounts counts) {
        // offsets[i], offsets[i+1] as a two-value batch: the tools index the full columns.
        MemorySegment offsets = dump.column(DumpColumn.OFFSETS).asSlice(4 * i, 8);
        MemorySegment eventNumber = dump.column(DumpColumn.EVENT_NUMBER).asSlice(4 * i, 4);
        int first = dump.offset(i);
        int size = dump.offset(i + 1) - first;
        for (int v = 0; v < Hzz4lCounts.VARIATIONS.size(); v++) {
            tools.electrons.calibrate(tools.electronVariation[v], 1, offsets, eventNumber,
                    col(DumpColumn.TYPE), col(DumpColumn.PT), col(DumpColumn.ETA),
                    col(DumpColumn.E), ptOut, eOut);
            tools.muons.calibrate(tools.muonVariation[v], 1, offsets, eventNumber,
                    col(DumpColumn.TYPE), ptOut, col(DumpColumn.ETA), eOut, ptOut, eOut);
            tools.selection.select(size, slice(DumpColumn.TYPE, first, size),
                    ptOut.asSlice(4L * first, 4L * size), slice(DumpColumn.ETA, first, size),
                    slice(DumpColumn.PTCONE30, first, size),
                    slice(DumpColumn.ETCONE20, first, size), slice(DumpColumn.D0, first, size),
                    slice(DumpColumn.D0_SIGMA, first, size), slice(DumpColumn.Z0, first, size),
                    maskOut.asSlice(4L * first, 4L * size));
            tools.builder.build(1, offsets, col(DumpColumn.TYPE), col(DumpColumn.CHARGE), ptOut,
                    col(DumpColumn.ETA), col(DumpColumn.PHI), eOut, maskOut, eventMask, channel,
                    m4l, m12, m34, leptonIndex);
            if (eventMask.get(JAVA_INT, 0) == 0) {
                counts.fill(v, channel.get(JAVA_INT, 0), m4l.get(JAVA_DOUBLE, 0),
                        m12.get(JAVA_DOUBLE, 0));
            }
        }
    }

    private MemorySegment col(DumpColumn column) {
        return dump.column(column);
    }

    private MemorySegment slice(DumpColumn column, int first, int size) {
        return dump.column(column).asSlice(4L * first, 4L * size);
    }

    @Override
    public void close() {
        tools.close();
        arena.close();
    }
}
