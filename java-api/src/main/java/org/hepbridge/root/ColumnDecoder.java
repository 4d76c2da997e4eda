package org.hepbridge.root;

/**
 * Cuts a basket's entries into values according to an {@link Interp}, checking every entry's
 * size against what its layout implies. Stateless.
 */
final class ColumnDecoder {
    private static final int VECTOR_HEADER = 10;

    private ColumnDecoder() {
    }

    /** Appends entries [from, to) of basket {@code b} to {@code col}. */
    static void decode(Interp in, BasketData b, int from, int to, Column col, RBuffer ctx)
            throws RootIOException {
        switch (in.kind()) {
            case SCALAR, FIXED -> fixed(in, b, from, to, col, ctx);
            case COUNTED -> counted(in, b, from, to, col, ctx);
            case VECTOR -> vector(in, b, from, to, col, ctx);
            case CSTRING -> cstring(b, from, to, col, ctx);
            default -> throw ctx.error("layout " + in.kind() + " is not decoded");
        }
    }

    private static void fixed(Interp in, BasketData b, int from, int to, Column col,
            RBuffer ctx) throws RootIOException {
        int size = in.prim().size * in.fixedLen();
        if (b.offsets() == null) {
            if ((long) size * b.entries() != b.end() - b.start()) {
                throw ctx.error("basket holds " + (b.end() - b.start()) + " bytes for "
                        + b.entries() + " entries of " + size + " bytes");
            }
            col.append(b.buf(), b.start() + from * size, (to - from) * size);
            col.entries += to - from;
            return;
        }
        for (int i = from; i < to; i++) {
            checkSize(b, i, size, ctx);
            col.append(b.buf(), b.entryStart(i), size);
        }
        col.entries += to - from;
    }

    private static void checkSize(BasketData b, int i, int size, RBuffer ctx)
            throws RootIOException {
        int len = b.entryEnd(i) - b.entryStart(i);
        if (len != size) {
            throw ctx.error("entry " + (b.firstEntry() + i) + " has " + len
                    + " bytes, expected " + size);
        }
    }

    private static void counted(Interp in, BasketData b, int from, int to, Column col,
            RBuffer ctx) throws RootIOException {
        requireOffsets(b, ctx);
        int unit = in.prim().size * in.fixedLen();
        int total = col.offsets[col.entries];
        for (int i = from; i < to; i++) {
            int s = b.entryStart(i);
            int len = b.entryEnd(i) - s;
            if (len % unit != 0) {
                throw ctx.error("entry " + (b.firstEntry() + i) + " has " + len
                        + " bytes, not a multiple of " + unit);
            }
            col.append(b.buf(), s, len);
            total += len / unit;
            col.endEntry(total);
        }
    }

    private static void vector(Interp in, BasketData b, int from, int to, Column col,
            RBuffer ctx) throws RootIOException {
        requireOffsets(b, ctx);
        int size = in.prim().size;
        int total = col.offsets[col.entries];
        byte[] buf = b.buf();
        for (int i = from; i < to; i++) {
            int s = b.entryStart(i);
            int len = b.entryEnd(i) - s;
            if (len < VECTOR_HEADER) {
                throw ctx.error("entry " + (b.firstEntry() + i) + " has " + len
                        + " bytes, less than the 10-byte vector header");
            }
            int bcnt = ctx.i32At(s);
            int n = ctx.i32At(s + 6);
            if ((bcnt & RBuffer.BYTE_COUNT_MASK) == 0 || n < 0
                    || (long) n * size + VECTOR_HEADER != len
                    || (bcnt & ~RBuffer.BYTE_COUNT_MASK) != len - 4) {
                throw ctx.error("entry " + (b.firstEntry() + i) + " is not a vector of " + n
                        + " values of " + size + " bytes: it has " + len + " bytes");
            }
            col.append(buf, s + VECTOR_HEADER, n * size);
            total += n;
            col.endEntry(total);
        }
    }

    private static void cstring(BasketData b, int from, int to, Column col, RBuffer ctx)
            throws RootIOException {
        requireOffsets(b, ctx);
        byte[] buf = b.buf();
        int total = col.offsets[col.entries];
        for (int i = from; i < to; i++) {
            int s = b.entryStart(i);
            int e = b.entryEnd(i);
            int n = e > s ? buf[s] & 0xff : 0;
            int head = 1;
            if (n == 255) {
                n = ctx.i32At(s + 1);
                head = 5;
            }
            if (e > s && (n < 0 || head + n != e - s)) {
                throw ctx.error("entry " + (b.firstEntry() + i) + " has " + (e - s)
                        + " bytes but its string length says " + n);
            }
            if (e > s) {
                col.append(buf, s + head, n);
                total += n;
            }
            col.endEntry(total);
        }
    }

    private static void requireOffsets(BasketData b, RBuffer ctx) throws RootIOException {
        if (b.offsets() == null && b.entries() > 0) {
            throw ctx.error("basket of variable-size entries has no entry offsets");
        }
    }
}
