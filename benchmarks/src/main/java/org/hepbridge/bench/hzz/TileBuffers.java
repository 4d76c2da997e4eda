package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The tools' outputs for one tile of a batch, one set per variation (calibrated pt and E,
 * lepton cut masks, the candidates' per-event values), and the tile's offsets rebased to its
 * first lepton, so that every per-lepton buffer is indexed from 0 and sized by the tile. A
 * few hundred kilobytes whatever the batch size.
 *
 * <p>Owns one confined {@link Arena}; close it. Not thread-safe.
 */
final class TileBuffers implements AutoCloseable {
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment offsets;
    final MemorySegment[] pt;
    final MemorySegment[] e;
    final MemorySegment[] leptonMask;
    final MemorySegment[] eventMask;
    final MemorySegment[] channel;
    final MemorySegment[] m4l;
    final MemorySegment[] m12;
    /** Written by every variation's builder call, read by none (the histograms do not use them). */
    final MemorySegment m34;
    final MemorySegment leptonIndex;
    private long bytes;

    TileBuffers(int events, long leptons, int variations) {
        long perLepton = Math.max(1, leptons);
        offsets = allocate(4L * (events + 1));
        pt = new MemorySegment[variations];
        e = new MemorySegment[variations];
        leptonMask = new MemorySegment[variations];
        eventMask = new MemorySegment[variations];
        channel = new MemorySegment[variations];
        m4l = new MemorySegment[variations];
        m12 = new MemorySegment[variations];
        for (int v = 0; v < variations; v++) {
            pt[v] = allocate(JAVA_FLOAT.byteSize() * perLepton);
            e[v] = allocate(JAVA_FLOAT.byteSize() * perLepton);
            leptonMask[v] = allocate(JAVA_INT.byteSize() * perLepton);
            eventMask[v] = allocate(JAVA_INT.byteSize() * events);
            channel[v] = allocate(JAVA_INT.byteSize() * events);
            m4l[v] = allocate(JAVA_DOUBLE.byteSize() * events);
            m12[v] = allocate(JAVA_DOUBLE.byteSize() * events);
        }
        m34 = allocate(JAVA_DOUBLE.byteSize() * events);
        leptonIndex = allocate(JAVA_INT.byteSize() * 4L * events);
    }

    private MemorySegment allocate(long size) {
        bytes += size;
        return arena.allocate(size, 64);
    }

    /**
     * The offsets of batch events [first, first + events), less {@code firstLepton}: the
     * tile's leptons are then [0, leptons) of the tile's slices of the lepton columns.
     */
    MemorySegment offsets(MemorySegment batchOffsets, int first, int events, int firstLepton) {
        for (int i = 0; i <= events; i++) {
            offsets.setAtIndex(JAVA_INT, i, batchOffsets.getAtIndex(JAVA_INT, first + i)
                    - firstLepton);
        }
        return offsets.asSlice(0, 4L * (events + 1));
    }

    /** Bytes of native memory these buffers hold. */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        arena.close();
    }
}
