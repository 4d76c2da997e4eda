package org.hepbridge.root;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A bounds-checked big-endian cursor over a byte array holding part of a ROOT file.
 *
 * <p>Every read checks the remaining bytes first and fails with a {@link RootIOException} naming
 * the file, the object being decoded and the offset, so corrupt input never surfaces as an
 * {@code IndexOutOfBoundsException}. Not thread-safe; one cursor per decoding task.
 */
final class RBuffer {
    private static final VarHandle I16 =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static final int BYTE_COUNT_MASK = 0x40000000;

    private final byte[] buf;
    private final int start;
    private final int end;
    private final Path file;
    private final String object;
    /** File offset of buf[start], or -1 when the bytes are a decompressed payload. */
    private final long fileOffset;
    /** Added to positions to get ROOT's object-map offsets (the key length). */
    private final int refBase;
    private int pos;

    RBuffer(byte[] buf, int start, int end, Path file, String object, long fileOffset,
            int refBase) {
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.file = file;
        this.object = object;
        this.fileOffset = fileOffset;
        this.refBase = refBase;
        this.pos = start;
    }

    static RBuffer ofFile(byte[] buf, Path file, String object, long fileOffset) {
        return new RBuffer(buf, 0, buf.length, file, object, fileOffset, 0);
    }

    static RBuffer ofPayload(byte[] buf, Path file, String object, int keyLength) {
        return new RBuffer(buf, 0, buf.length, file, object + " payload", -1, keyLength);
    }

    /** A cursor over the same bytes for another object, sharing nothing mutable. */
    RBuffer withObject(String newObject) {
        RBuffer b = new RBuffer(buf, start, end, file, newObject, fileOffset, refBase);
        b.pos = pos;
        return b;
    }

    Path file() {
        return file;
    }

    String object() {
        return object;
    }

    byte[] array() {
        return buf;
    }

    /** Position relative to the start of this cursor's window. */
    int pos() {
        return pos - start;
    }

    int absolutePos() {
        return pos;
    }

    int limit() {
        return end - start;
    }

    int remaining() {
        return end - pos;
    }

    /** Offset used by ROOT's object/class reference map for the current position. */
    long refPos() {
        return (long) pos - start + refBase;
    }

    void seek(int relPos) throws RootIOException {
        if (relPos < 0 || relPos > end - start) {
            throw error("cannot move to position " + relPos + ", object has "
                    + (end - start) + " bytes");
        }
        pos = start + relPos;
    }

    void skip(long n) throws RootIOException {
        need(n, "skip");
        pos += (int) n;
    }

    /** Fails unless n bytes remain. */
    void need(long n, String what) throws RootIOException {
        if (n < 0 || n > end - pos) {
            throw error("needs " + n + " bytes for " + what + " but only " + (end - pos)
                    + " remain");
        }
    }

    RootIOException error(String what) {
        return new RootIOException(file, object, what, offsetForMessage());
    }

    RootIOException error(String what, Throwable cause) {
        return new RootIOException(file, object, what, offsetForMessage(), cause);
    }

    long offsetForMessage() {
        return fileOffset >= 0 ? fileOffset + (pos - start) : pos - start;
    }

    int u8() throws RootIOException {
        need(1, "a byte");
        return buf[pos++] & 0xff;
    }

    byte i8() throws RootIOException {
        need(1, "a byte");
        return buf[pos++];
    }

    boolean bool() throws RootIOException {
        return i8() != 0;
    }

    short i16() throws RootIOException {
        need(2, "a 16-bit integer");
        short v = (short) I16.get(buf, pos);
        pos += 2;
        return v;
    }

    int u16() throws RootIOException {
        return i16() & 0xffff;
    }

    int i32() throws RootIOException {
        need(4, "a 32-bit integer");
        int v = (int) I32.get(buf, pos);
        pos += 4;
        return v;
    }

    long u32() throws RootIOException {
        return i32() & 0xffffffffL;
    }

    long i64() throws RootIOException {
        need(8, "a 64-bit integer");
        long v = (long) I64.get(buf, pos);
        pos += 8;
        return v;
    }

    float f32() throws RootIOException {
        return Float.intBitsToFloat(i32());
    }

    double f64() throws RootIOException {
        return Double.longBitsToDouble(i64());
    }

    /** Reads a 32-bit integer that must lie in [min, max]. */
    int i32In(String name, int min, int max) throws RootIOException {
        int v = i32();
        if (v < min || v > max) {
            pos -= 4;
            throw error(name + " = " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    /** A ROOT TString: one length byte, or 255 followed by a 32-bit length, then the bytes. */
    String tstring() throws RootIOException {
        int n = u8();
        if (n == 255) {
            n = i32In("string length", 0, remaining());
        }
        need(n, "a string of " + n + " bytes");
        String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    /** A zero-terminated string. */
    String cstring() throws RootIOException {
        int p = pos;
        while (p < end && buf[p] != 0) {
            p++;
        }
        if (p >= end) {
            throw error("unterminated string");
        }
        String s = new String(buf, pos, p - pos, StandardCharsets.ISO_8859_1);
        pos = p + 1;
        return s;
    }

    byte[] bytes(int n) throws RootIOException {
        need(n, "a block of " + n + " bytes");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Big-endian 32-bit integer at an absolute array index, bounds-checked. */
    int i32At(int absIndex) throws RootIOException {
        if (absIndex < start || absIndex + 4 > end) {
            throw error("reads 4 bytes at " + (absIndex - start) + " outside the object");
        }
        return (int) I32.get(buf, absIndex);
    }

    /**
     * Reads a ROOT version header: either a 16-bit version, or a byte count with
     * {@link #BYTE_COUNT_MASK} set followed by the version.
     */
    Header header(String what) throws RootIOException {
        int at = pos;
        need(2, "the version of " + what);
        if (remaining() >= 6) {
            int first = (int) I32.get(buf, pos);
            if ((first & BYTE_COUNT_MASK) != 0) {
                long count = first & ~BYTE_COUNT_MASK & 0xffffffffL;
                if (count < 2 || count > end - pos - 4) {
                    throw error("byte count " + count + " of " + what + " exceeds the "
                            + (end - pos - 4) + " bytes left");
                }
                pos += 4;
                int version = u16();
                return new Header(version, at - start, (int) (at - start + 4 + count));
            }
        }
        return new Header(u16(), at - start, -1);
    }

    /** Moves to the end of an object given by its header, failing if it was overrun. */
    void finish(Header h, String what) throws RootIOException {
        if (h.end() < 0) {
            return;
        }
        if (pos() > h.end()) {
            throw error(what + " (version " + h.version() + ") read " + (pos() - h.start())
                    + " bytes, more than its byte count " + (h.end() - h.start()));
        }
        seek(h.end());
    }

    /**
     * A version header.
     *
     * @param version the class version
     * @param start position of the header
     * @param end position after the object, or -1 when no byte count was written
     */
    record Header(int version, int start, int end) {
    }
}
