package org.hepbridge.legacy;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Test helpers: native segments from Java arrays and back. */
final class Segments {
    private Segments() {}

    static MemorySegment ints(Arena arena, int... values) {
        return arena.allocateFrom(JAVA_INT, values);
    }

    static MemorySegment floats(Arena arena, float... values) {
        return arena.allocateFrom(JAVA_FLOAT, values);
    }

    static int[] ints(MemorySegment segment) {
        return segment.toArray(JAVA_INT);
    }

    static float[] floats(MemorySegment segment) {
        return segment.toArray(JAVA_FLOAT);
    }

    static double[] doubles(MemorySegment segment) {
        return segment.toArray(JAVA_DOUBLE);
    }
}
