package org.hepbridge.legacy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Java-side validation of the segments handed to a batch call, so that a wrong buffer is an
 * {@link IllegalArgumentException} instead of a native crash. Stateless.
 */
final class SegmentChecks {

    private final String tool;

    SegmentChecks(LegacyTool tool) {
        this.tool = tool.toString();
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
     * Validates the offsets buffer of {@code nEvents} events and returns the number of values
     * every per-lepton buffer must hold, offsets[nEvents] (the leptons of event i are
     * [offsets[i], offsets[i+1]) of each buffer, as in Arrow). When the offsets are not
     * non-decreasing from a non-negative start this returns 0: the native call then rejects
     * the batch with INVALID_BATCH before it reads any per-lepton buffer.
     */
    long leptonSlots(MemorySegment offsets, long nEvents) {
        input("offsets", offsets, nEvents + 1, ValueLayout.JAVA_INT);
        int previous = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, 0);
        if (previous < 0) {
            return 0;
        }
        for (long i = 1; i <= nEvents; i++) {
            int next = offsets.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, i);
            if (next < previous) {
                return 0;
            }
            previous = next;
        }
        return previous;
    }

    /** An empty batch reads no buffer: its segments (maybe Java null) are not passed on. */
    static MemorySegment orNull(long n, MemorySegment segment) {
        return n == 0 || segment == null ? MemorySegment.NULL : segment;
    }

    private static String carrier(ValueLayout layout) {
        return layout.carrier().getSimpleName();
    }
}
