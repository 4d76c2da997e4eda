package org.hepbridge.root;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/**
 * The non-ZLIB block codecs: LZ4 ("L4", with its xxhash64 checksum), ZSTD ("ZS") and LZMA
 * ("XZ"). Thread-safe: the codec objects used here are stateless.
 */
final class Codecs {
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();
    private static final XXHash64 XXH64 = XXHashFactory.fastestInstance().hash64();
    /** Memory cap handed to the XZ decoder, in KiB: more than any ROOT block needs. */
    private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;
    private static final int LZ4_CHECKSUM = 8;

    private Codecs() {
    }

    static int decode(String algo, byte[] src, int off, int len, byte[] out, int outPos, int ulen,
            Decompressor.Where where, int hdr) throws RootIOException {
        return switch (algo) {
            case "L4" -> lz4(src, off, len, out, outPos, ulen, where, hdr);
            case "ZS" -> zstd(src, off, len, out, outPos, ulen, where, hdr);
            case "XZ" -> xz(src, off, len, out, outPos, ulen, where, hdr);
            case "CS" -> throw where.error("block uses ROOT's pre-2003 \"CS\" compression, "
                    + "which hepbridge does not decode", hdr);
            default -> throw where.error("unknown compression block magic '" + printable(algo)
                    + "', expected ZL, L4, ZS or XZ", hdr);
        };
    }

    private static int lz4(byte[] src, int off, int len, byte[] out, int outPos, int ulen,
            Decompressor.Where where, int hdr) throws RootIOException {
        if (len < LZ4_CHECKSUM) {
            throw where.error("LZ4 block of " + len + " bytes is shorter than its checksum", hdr);
        }
        long stored = 0;
        for (int i = 0; i < LZ4_CHECKSUM; i++) {
            stored = stored << 8 | (src[off + i] & 0xff);
        }
        long actual = XXH64.hash(src, off + LZ4_CHECKSUM, len - LZ4_CHECKSUM, 0);
        if (stored != actual) {
            throw where.error(String.format("LZ4 block checksum mismatch: stored %016x, "
                    + "computed %016x", stored, actual), hdr);
        }
        try {
            return LZ4.decompress(src, off + LZ4_CHECKSUM, len - LZ4_CHECKSUM, out, outPos, ulen);
        } catch (LZ4Exception e) {
            throw where.error("corrupt LZ4 block: " + e.getMessage(), hdr, e);
        }
    }

    private static int zstd(byte[] src, int off, int len, byte[] out, int outPos, int ulen,
            Decompressor.Where where, int hdr) throws RootIOException {
        try {
            return (int) Zstd.decompressByteArray(out, outPos, ulen, src, off, len);
        } catch (ZstdException e) {
            throw where.error("corrupt ZSTD block: " + e.getMessage(), hdr, e);
        }
    }

    private static int xz(byte[] src, int off, int len, byte[] out, int outPos, int ulen,
            Decompressor.Where where, int hdr) throws RootIOException {
        // The decoder allocates a dictionary buffer as large as the writer's preset asked for
        // (16 MiB for ROOT's level 7) for every block, whatever the basket size; the shared
        // cache recycles those buffers across baskets instead of leaving them to the GC.
        try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(src, off, len),
                XZ_MEMORY_LIMIT_KIB, BasicArrayCache.getInstance())) {
            return in.readNBytes(out, outPos, ulen);
        } catch (IOException e) {
            throw where.error("corrupt XZ block: " + e.getMessage(), hdr, e);
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
