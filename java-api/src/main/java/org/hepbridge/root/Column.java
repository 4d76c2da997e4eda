package org.hepbridge.root;

import java.util.Arrays;

/**
 * Values of one branch over an entry range, still big-endian as on disk, with list offsets
 * (in values) for jagged branches. Growable; owned by one decoding task.
 */
final class Column {
    byte[] data;
    int length;
    int[] offsets;
    int entries;

    Column(int expectedBytes, boolean jagged, int expectedEntries) {
        data = new byte[Math.max(16, expectedBytes)];
        if (jagged) {
            offsets = new int[Math.max(2, expectedEntries + 1)];
        }
    }

    void append(byte[] src, int from, int n) {
        ensure(n);
        System.arraycopy(src, from, data, length, n);
        length += n;
    }

    void ensure(int n) {
        if (length + n > data.length) {
            long want = Math.max((long) data.length * 2, (long) length + n);
            data = Arrays.copyOf(data, (int) Math.min(want, Integer.MAX_VALUE - 16));
        }
    }

    /** Records the end of an entry holding {@code total} values so far. */
    void endEntry(int totalValues) {
        if (entries + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[++entries] = totalValues;
    }
}
