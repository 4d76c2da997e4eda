package org.hepbridge.bench.hzz;


import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.Map;
import org.hepbridge.bench.dump.DumpColumn;

/**
 * Native buffers for one batch of at most {@code capacity} events: a copy of the dump's
 * columns for those events (offsets rebased to the batch), as a reader fills them. Allocated
 * once and reused for every batch, so memory is set by the batch size, not the event count.
 * The tools' outputs live in {@link TileBuffers}.
 *
 * <p>Owns one shared {@link Arena}; close it. Not thread-safe.
 */
final class BatchBuffers implements AutoCloseable {
    final int capacity;
    final long leptonCapacity;
    private final Arena arena = Arena.ofShared();
    private final Map<DumpColumn, MemorySegment> inputs = new EnumMap<>(DumpColumn.class);
    /** Events and leptons of the batch currently held. */
    int events;
    long leptons;

    BatchBuffers(int capacity, long leptonCapacity) {
        this.capacity = capacity;
        this.leptonCapacity = leptonCapacity;
        long perLepton = Math.max(1, leptonCapacity);
        Placement place = new Placement(arena, sizes(capacity, perLepton));
        for (DumpColumn c : DumpColumn.values()) {
            inputs.put(c, place.next(c.layout().byteSize() * c.count(capacity, perLepton)));
        }
    }

    private static long[] sizes(int capacity, long perLepton) {
        long[] sizes = new long[DumpColumn.values().length];
        int i = 0;
        for (DumpColumn c : DumpColumn.values()) {
            sizes[i++] = c.layout().byteSize() * c.count(capacity, perLepton);
        }
        return sizes;
    }

    /**
     * Places the buffers in one allocation so that buffer i starts at i * 128 bytes past a
     * 4 KiB boundary. Buffers allocated separately start at the same offset within a page
     * (large ones are page-aligned mappings), and then a store to out[j] and a load of in[j]
     * share their low 12 address bits: the CPU takes them for a dependency and stalls (4K
     * aliasing), in every tool loop that reads one column and writes another.
     */
    private static final class Placement {
        private static final long PAGE = 4096;
        private static final long STAGGER = 128;
        private final MemorySegment block;
        private final long[] offsets;
        private int next;

        Placement(Arena arena, long[] sizes) {
            offsets = new long[sizes.length];
            long end = 0;
            for (int i = 0; i < sizes.length; i++) {
                offsets[i] = (end + PAGE - 1) / PAGE * PAGE + i * STAGGER % PAGE;
                end = offsets[i] + sizes[i];
            }
            block = arena.allocate(end, PAGE);
        }

        /** The next buffer, of the size given for it at construction. */
        MemorySegment next(long size) {
            return block.asSlice(offsets[next++], size);
        }
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
        return sum;
    }

    @Override
    public void close() {
        arena.close();
    }
}
