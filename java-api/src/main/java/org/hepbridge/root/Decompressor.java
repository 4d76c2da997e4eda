package org.hepbridge.root;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes ROOT's compressed payloads: a sequence of blocks, each with a 9-byte header (two
 * letters naming the algorithm, a method byte, then 3-byte little-endian compressed and
 * uncompressed sizes) followed by the compressed bytes.
 *
 * <p>The algorithm is taken from each block header, never from the file's declared compression
 * setting. Stateless and thread-safe.
 */
final class Decompressor {
    static final int BLOCK_HEADER = 9;
    /** Above this, blocks are decoded one by one so a lying size cannot force a huge allocation. */
    private static final int DIRECT_LIMIT = 64 << 20;

    private Decompressor() {
    }

    /**
     * Decompresses {@code src[off, off+len)} into exactly {@code objlen} bytes.
     *
     * @param where names the file, object and offset for error messages
     */
    static byte[] decompress(byte[] src, int off, int len, int objlen, Where where)
            throws RootIOException {
        List<int[]> blocks = scanBlocks(src, off, len, objlen, where);
        if (objlen <= DIRECT_LIMIT) {
            byte[] out = new byte[objlen];
            int outPos = 0;
            for (int[] b : blocks) {
                decodeBlock(src, b, out, outPos, where);
                outPos += b[2];
            }
            return out;
        }
        List<byte[]> parts = new ArrayList<>();
        for (int[] b : blocks) {
            byte[] part = new byte[b[2]];
            decodeBlock(src, b, part, 0, where);
            parts.add(part);
        }
        byte[] out = new byte[objlen];
        int outPos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, outPos, p.length);
            outPos += p.length;
        }
        return out;
    }

    /** Reads all block headers; returns {dataOffset, compressedSize, uncompressedSize, hdr}. */
    private static List<int[]> scanBlocks(byte[] src, int off, int len, int objlen, Where where)
            throws RootIOException {
        List<int[]> blocks = new ArrayList<>();
        int p = off;
        int end = off + len;
        long total = 0;
        while (total < objlen) {
            if (end - p < BLOCK_HEADER) {
                throw where.error("compressed block header needs 9 bytes but " + (end - p)
                        + " remain; " + total + " of " + objlen + " bytes decoded", p);
            }
            int c = (src[p + 3] & 0xff) | (src[p + 4] & 0xff) << 8 | (src[p + 5] & 0xff) << 16;
            int u = (src[p + 6] & 0xff) | (src[p + 7] & 0xff) << 8 | (src[p + 8] & 0xff) << 16;
            if (c > end - p - BLOCK_HEADER) {
                throw where.error("compressed block of " + c + " bytes exceeds the "
                        + (end - p - BLOCK_HEADER) + " bytes left", p);
            }
            if (u == 0 || total + u > objlen) {
                throw where.error("block uncompressed size " + u + " does not fit the declared "
                        + objlen + " bytes (" + total + " already)", p);
            }
            blocks.add(new int[] {p + BLOCK_HEADER, c, u, p});
            total += u;
            p += BLOCK_HEADER + c;
        }
        return blocks;
    }

    private static void decodeBlock(byte[] src, int[] b, byte[] out, int outPos, Where where)
            throws RootIOException {
        int hdr = b[3];
        char a0 = (char) (src[hdr] & 0xff);
        char a1 = (char) (src[hdr + 1] & 0xff);
        String algo = "" + a0 + a1;
        int produced = switch (algo) {
            case "ZL" -> inflate(src, b[0], b[1], out, outPos, b[2], where, hdr);
            default -> Codecs.decode(algo, src, b[0], b[1], out, outPos, b[2], where, hdr);
        };
        if (produced != b[2]) {
            throw where.error(algo + " block decoded to " + produced + " bytes, header says "
                    + b[2], hdr);
        }
    }

    private static int inflate(byte[] src, int off, int len, byte[] out, int outPos, int ulen,
            Where where, int hdr) throws RootIOException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(src, off, len);
            int n = 0;
            while (n < ulen && !inf.finished()) {
                int k = inf.inflate(out, outPos + n, ulen - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            return n;
        } catch (DataFormatException e) {
            throw where.error("corrupt ZLIB block: " + e.getMessage(), hdr, e);
        } finally {
            inf.end();
        }
    }

    /**
     * Error context for a compressed payload: the file, the object and the file offset of the
     * payload's first byte (or -1).
     */
    record Where(Path file, String object, long fileOffset, int srcBase) {
        RootIOException error(String what, int srcIndex) {
            return new RootIOException(file, object, what, at(srcIndex));
        }

        RootIOException error(String what, int srcIndex, Throwable cause) {
            return new RootIOException(file, object, what, at(srcIndex), cause);
        }

        private long at(int srcIndex) {
            return fileOffset < 0 ? RootIOException.NO_OFFSET
                    : fileOffset + srcIndex - srcBase;
        }
    }
}
