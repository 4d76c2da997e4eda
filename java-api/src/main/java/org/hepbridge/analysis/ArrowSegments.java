package org.hepbridge.analysis;

import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Views of Arrow buffers as {@link MemorySegment}s, for handing columns to native code without
 * copying them.
 *
 * <p>A view is valid only while the Arrow vector that owns the buffer is open and not
 * reallocated; callers keep the vector alive for as long as they use the segment.
 */
public final class ArrowSegments {
    private ArrowSegments() {
    }

    /** The first {@code bytes} bytes of {@code buffer}. */
    public static MemorySegment view(ArrowBuf buffer, long bytes) {
        if (bytes > buffer.capacity()) {
            throw new IllegalArgumentException("ArrowSegments: asked for " + bytes
                    + " bytes of a buffer of " + buffer.capacity());
        }
        return MemorySegment.ofAddress(buffer.memoryAddress()).reinterpret(bytes);
    }

    /** The values of a fixed-width vector (all {@code getValueCount()} of them). */
    public static MemorySegment values(BaseFixedWidthVector vector) {
        return view(vector.getDataBuffer(), (long) vector.getValueCount() * vector.getTypeWidth());
    }

    /** The {@code n + 1} int32 offsets of a list vector of {@code n} rows. */
    public static MemorySegment offsets(ListVector vector) {
        return view(vector.getOffsetBuffer(),
                (long) (vector.getValueCount() + 1) * ListVector.OFFSET_WIDTH);
    }

    /** The flat child values of a list vector whose child is fixed-width. */
    public static MemorySegment listValues(ListVector vector) {
        if (!(vector.getDataVector() instanceof BaseFixedWidthVector child)) {
            throw new IllegalArgumentException("ArrowSegments: list column " + vector.getName()
                    + " has child " + vector.getDataVector().getClass().getSimpleName()
                    + ", expected a fixed-width vector");
        }
        return values(child);
    }
}
