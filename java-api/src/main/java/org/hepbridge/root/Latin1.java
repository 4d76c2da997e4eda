package org.hepbridge.root;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ROOT strings are raw bytes; Arrow strings must be UTF-8. A string that is valid UTF-8 (as
 * uproot and current ROOT write them) is kept as is; any other is taken as ISO-8859-1 and
 * re-encoded, so that every byte survives as one character.
 */
final class Latin1 {
    private Latin1() {
    }

    /** UTF-8 bytes and the {@code n + 1} entry offsets into them. */
    record Utf8(byte[] bytes, int[] offsets) {
    }

    /** Converts entries [offsets[i], offsets[i+1]) of {@code data}. */
    static Utf8 toUtf8(byte[] data, int length, int[] offsets, int n) {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = data[i] >= 0;
        }
        if (ascii) {
            return new Utf8(Arrays.copyOf(data, length), Arrays.copyOf(offsets, n + 1));
        }
        byte[] u = new byte[length * 2];
        int[] out = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int s = offsets[i];
            int len = offsets[i + 1] - s;
            if (isUtf8(data, s, len)) {
                System.arraycopy(data, s, u, k, len);
                k += len;
            } else {
                for (int j = s; j < s + len; j++) {
                    int c = data[j] & 0xff;
                    if (c < 0x80) {
                        u[k++] = (byte) c;
                    } else {
                        u[k++] = (byte) (0xc0 | c >> 6);
                        u[k++] = (byte) (0x80 | c & 0x3f);
                    }
                }
            }
            out[i + 1] = k;
        }
        return new Utf8(Arrays.copyOf(u, k), out);
    }

    private static boolean isUtf8(byte[] d, int off, int len) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(d, off, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
