package org.hepbridge.root;

import java.util.Arrays;

/**
 * ROOT strings are raw bytes; Arrow strings must be UTF-8. Bytes above 0x7f are taken as
 * ISO-8859-1 and re-encoded.
 */
final class Latin1 {
    private Latin1() {
    }

    /** UTF-8 bytes and the {@code n + 1} entry offsets into them. */
    record Utf8(byte[] bytes, int[] offsets) {
    }

    /** Re-encodes entries [offsets[i], offsets[i+1]) of {@code data}. */
    static Utf8 toUtf8(byte[] data, int length, int[] offsets, int n) {
        int extra = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] < 0) {
                extra++;
            }
        }
        if (extra == 0) {
            return new Utf8(Arrays.copyOf(data, length), Arrays.copyOf(offsets, n + 1));
        }
        byte[] u = new byte[length + extra];
        int[] out = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = offsets[i]; j < offsets[i + 1]; j++) {
                int c = data[j] & 0xff;
                if (c < 0x80) {
                    u[k++] = (byte) c;
                } else {
                    u[k++] = (byte) (0xc0 | c >> 6);
                    u[k++] = (byte) (0x80 | c & 0x3f);
                }
            }
            out[i + 1] = k;
        }
        return new Utf8(u, out);
    }
}
