package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.dump.DumpColumn;

/**
 * The dump's events repeated end to end (event k is dump event k mod n), read batch by batch
 * into {@link BatchBuffers}: only one batch is ever materialised, whatever the stream length.
 * A throughput device, not physics: copies are identical, event numbers included.
 *
 * <p>Not thread-safe; borrows the dump.
 */
final class ReplicatedStream {
    private final ColumnDump dump;
    private final long n;
    private long next;

    ReplicatedStream(ColumnDump dump) {
        this.dump = dump;
        this.n = dump.events();
    }

    /** Restarts at stream event 0. */
    void rewind() {
        next = 0;
    }

    /**
     * The most leptons any {@code batch} consecutive stream events hold: full copies of the
     * dump plus the fullest window of the remaining events.
     */
    static long maxLeptons(ColumnDump dump, int batch) {
        long n = dump.events();
        if (n == 0) {
            return 0;
        }
        long rest = batch % n;
        long fullest = 0;
        for (long start = 0; start < n; start++) {
            fullest = Math.max(fullest, windowLeptons(dump, start, rest));
        }
        return batch / n * dump.leptons() + fullest;
    }

    private static long windowLeptons(ColumnDump dump, long start, long length) {
        long n = dump.events();
        long end = start + length;
        if (end <= n) {
            return dump.offset(end) - dump.offset(start);
        }
        return dump.leptons() - dump.offset(start) + dump.offset(end - n);
    }

    /** Copies the next {@code count} stream events into {@code batch} (count <= capacity). */
    void read(int count, BatchBuffers batch) {
        int filled = 0;
        long leptons = 0;
        MemorySegment offsets = batch.in(DumpColumn.OFFSETS);
        offsets.setAtIndex(JAVA_INT, 0, 0);
        while (filled < count) {
            long at = next % n;
            int run = (int) Math.min(count - filled, n - at);
            copyEvents(at, run, filled, leptons, batch);
            leptons += dump.offset(at + run) - dump.offset(at);
            filled += run;
            next += run;
        }
        batch.events = count;
        batch.leptons = leptons;
    }

    // Dump events [at, at + run) to batch events [filled, filled + run).
    private void copyEvents(long at, int run, int filled, long leptonBase, BatchBuffers batch) {
        int firstLepton = dump.offset(at);
        long leptons = dump.offset(at + run) - firstLepton;
        for (DumpColumn c : DumpColumn.values()) {
            long size = c.layout().byteSize();
            switch (c.kind()) {
                case OFFSETS -> rebase(at, run, filled, leptonBase - firstLepton, batch);
                case EVENT -> MemorySegment.copy(dump.column(c), at * size, batch.in(c),
                        filled * size, run * size);
                case LEPTON -> MemorySegment.copy(dump.column(c), firstLepton * size,
                        batch.in(c), leptonBase * size, leptons * size);
            }
        }
    }

    private void rebase(long at, int run, int filled, long shift, BatchBuffers batch) {
        MemorySegment from = dump.column(DumpColumn.OFFSETS);
        MemorySegment to = batch.in(DumpColumn.OFFSETS);
        for (int j = 1; j <= run; j++) {
            to.setAtIndex(JAVA_INT, filled + j, (int) (from.getAtIndex(JAVA_INT, at + j) + shift));
        }
    }
}
