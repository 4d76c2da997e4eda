package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.Map;
import org.hepbridge.bench.dump.DumpColumn;

/**
 * Native buffers for one batch of at most {@code capacity} events: a copy of the dump's
 * columns for those events (offsets rebased to the batch) and the tools' outputs. Allocated
 * once and reused for every batch, so memory is set by the batch size, not the event count.
 *
 * <p>Owns one shared {@link Arena}; close it. Not thread-safe.
 */
final class BatchBuffers implements AutoCloseable {
    final int capacity;
    final long leptonCapacity;
    private final Arena arena = Arena.ofShared();
    private final Map<DumpColumn, MemorySegment> inputs = new EnumMap<>(DumpColumn.class);
    final MemorySegment ptOut;
    final MemorySegment eOut;
    final MemorySegment leptonMask;
    final MemorySegment eventMask;
    final MemorySegment channel;
    final MemorySegment m4l;
    final MemorySegment m12;
    final MemorySegment m34;
    final MemorySegment leptonIndex;
    /** Events and leptons of the batch currently held. */
    int events;
    long leptons;

    BatchBuffers(int capacity, long leptonCapacity) {
        this.capacity = capacity;
        this.leptonCapacity = leptonCapacity;
        long perLepton = Math.max(1, leptonCapacity);
        for (DumpColumn c : DumpColumn.values()) {
            inputs.put(c, arena.allocate(c.layout(), c.count(capacity, perLepton)));
        }
        ptOut = arena.allocate(JAVA_FLOAT, perLepton);
        eOut = arena.allocate(JAVA_FLOAT, perLepton);
        leptonMask = arena.allocate(JAVA_INT, perLepton);
        eventMask = arena.allocate(JAVA_INT, capacity);
        channel = arena.allocate(JAVA_INT, capacity);
        m4l = arena.allocate(JAVA_DOUBLE, capacity);
        m12 = arena.allocate(JAVA_DOUBLE, capacity);
        m34 = arena.allocate(JAVA_DOUBLE, capacity);
        leptonIndex = arena.allocate(JAVA_INT, 4L * capacity);
    }

    /** The batch's copy of {@code column}. */
    MemorySegment in(DumpColumn column) {
        return inputs.get(column);
    }

    /** Bytes of native memory these buffers hold. */
    long bytes() {
        long sum = 0;
        for (MemorySegment s : inputs.values()) {
            sum += s.byteSize();
        }
        for (MemorySegment s : new MemorySegment[] {ptOut, eOut, leptonMask, eventMask, channel,
            m4l, m12, m34, leptonIndex}) {
            sum += s.byteSize();
        }
        return sum;
    }

    @Override
    public void close() {
        arena.close();
    }
}
