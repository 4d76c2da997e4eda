package org.hepbridge.legacy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Java-side validation of the segments handed to a batch call, so that a wrong buffer is an
 * {@link IllegalArgumentException} instead of a native crash. Stateless.
 *
 * <p>Known limit: the checks read the segments once, before the call. Another thread that
 * writes the offsets during the call can still make the native loops misread them; the C side
 * then stops the batch with INVALID_BATCH as long as the bounds it validated hold, but a
 * concurrent write to offsets[0] or offsets[n] between the Java check and the native one is
 * not detected. Batch buffers must not be written by other threads while a tool uses them.
 */
final class SegmentChecks {

    // Named in messages only: its toString() builds a string, which every batch call would pay.
    private final LegacyTool tool;

    SegmentChecks(LegacyTool tool) {
        this.tool = tool;
    }

    /** Checks a count of events or leptons against the int32 offsets of the C interface. */
    long count(String argument, long value) {
        if (value < 0 || value >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException(tool + ": argument '" + argument + "' = " + value
                    + " is outside [0, " + (Integer.MAX_VALUE - 1) + "]");
        }
        return value;
    }

    /** An input: native memory of at least {@code count} values of {@code layout}. */
    void input(String argument, MemorySegment segment, long count, ValueLayout layout) {
        if (segment == null) {
            throw new IllegalArgumentException(tool + ": argument '" + argument + "' is null");
        }
        if (!segment.isNative()) {
            throw new IllegalArgumentException(tool + ": argument '" + argument + "' is a heap "
                    + "segment; the legacy tools need native memory (an Arena allocation or an "
                    + "Arrow buffer)");
        }
        long needed = count * layout.byteSize();
        if (segment.byteSize() < needed) {
            throw new IllegalArgumentException(tool + ": argument '" + argument + "' needs "
                    + needed + " bytes (" + count + " " + carrier(layout) + " values), has "
                    + segment.byteSize());
        }
    }

    /** An output: as {@link #input}, and writable. */
    void output(String argument, MemorySegment segment, long count, ValueLayout layout) {
        input(argument, segment, count, layout);
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException(tool + ": argument '" + argument
                    + "' is read-only but receives results");
        }
    }

    /**
     * The number of values every per-lepton buffer of a batch of {@code nEvents} events must
     * hold: offsets[nEvents] (the leptons of event i are [offsets[i], offsets[i+1]) of each
     * buffer, as in Arrow), or 0 when offsets[0] is negative or above offsets[nEvents].
     *
     * <p>Only the two ends are read. The native side checks, before it reads any per-lepton
     * value, that the offsets never decrease (INVALID_BATCH otherwise); with that, every
     * index it reads lies below offsets[nEvents], so checking the buffers against it here is
     * enough to keep a bad batch from reading out of bounds, and the batch is not scanned
     * twice per call.
     */
    long leptonSlots(MemorySegment offsets, long nEvents) {
        input("offsets", offsets, nEvents + 1, ValueLayout.JAVA_INT);
        int first = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, 0);
        int last = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, nEvents);
        return first < 0 || last < first ? 0 : last;
    }

    /**
     * An output that the call writes, {@code count} values of {@code layout}, must not overlap
     * the offsets of {@code nEvents} events: the native loops would write their own bounds.
     * (The native side also stops such a batch, with INVALID_BATCH; here it is named.)
     */
    void apartFromOffsets(String argument, MemorySegment output, long count, ValueLayout layout,
            MemorySegment offsets, long nEvents) {
        long start = output.address();
        long end = start + count * layout.byteSize();
        long offsetsStart = offsets.address();
        long offsetsEnd = offsetsStart + (nEvents + 1) * ValueLayout.JAVA_INT.byteSize();
        if (start < offsetsEnd && offsetsStart < end) {
            throw new IllegalArgumentException(tool + ": argument '" + argument
                    + "' overlaps 'offsets'; the results would overwrite the batch's offsets");
        }
    }

    /** An empty batch reads no buffer: its segments (maybe Java null) are not passed on. */
    static MemorySegment orNull(long n, MemorySegment segment) {
        return n == 0 || segment == null ? MemorySegment.NULL : segment;
    }

    private static String carrier(ValueLayout layout) {
        return layout.carrier().getSimpleName();
    }
}
