package org.hepbridge.root;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Moves a decoded {@link Column} (big-endian values) into a new Arrow vector. The caller owns
 * the returned vector; on failure nothing is leaked.
 */
final class ArrowConv {
    private static final VarHandle I16 =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private ArrowConv() {
    }

    static FieldVector toVector(Field field, Interp in, Column col, BufferAllocator alloc) {
        FieldVector v = field.createVector(alloc);
        try {
            fill(v, in, col);
            return v;
        } catch (RuntimeException | Error e) {
            v.close();
            throw e;
        }
    }

    private static void fill(FieldVector v, Interp in, Column col) {
        int n = col.entries;
        switch (in.kind()) {
            case SCALAR -> primitives((BaseFixedWidthVector) v, in.prim(), col.data, n);
            case FIXED -> {
                FixedSizeListVector f = (FixedSizeListVector) v;
                f.setInitialCapacity(Math.max(n, 1));
                f.allocateNew();
                primitives((BaseFixedWidthVector) f.getDataVector(), in.prim(), col.data,
                        n * in.fixedLen());
                setAllValid(f.getValidityBuffer(), n);
                f.setValueCount(n);
            }
            case COUNTED, VECTOR -> list((ListVector) v, in, col);
            case CSTRING -> strings((VarCharVector) v, col);
            default -> throw new IllegalStateException("no Arrow mapping for " + in.kind());
        }
    }

    private static void list(ListVector l, Interp in, Column col) {
        int n = col.entries;
        int values = col.offsets[n];
        // Size the child for the actual values: the default guess of 5 values per entry
        // would briefly allocate several times the chunk's memory for sparse lists.
        l.setInitialCapacity(Math.max(n, 1), Math.max(values, 1) / (double) Math.max(n, 1));
        l.allocateNew();
        FieldVector child = l.getDataVector();
        if (in.kind() == Interp.Kind.COUNTED && in.fixedLen() > 1) {
            FixedSizeListVector f = (FixedSizeListVector) child;
            f.setInitialCapacity(Math.max(values, 1));
            f.allocateNew();
            primitives((BaseFixedWidthVector) f.getDataVector(), in.prim(), col.data,
                    values * in.fixedLen());
            setAllValid(f.getValidityBuffer(), values);
            f.setValueCount(values);
        } else {
            primitives((BaseFixedWidthVector) child, in.prim(), col.data, values);
        }
        ArrowBuf off = l.getOffsetBuffer();
        for (int i = 0; i <= n; i++) {
            off.setInt(i * 4L, col.offsets[i]);
        }
        setAllValid(l.getValidityBuffer(), n);
        l.setLastSet(n - 1);
        l.setValueCount(n);
    }

    static void primitives(BaseFixedWidthVector v, Prim p, byte[] d, int n) {
        v.allocateNew(Math.max(n, 1));
        ArrowBuf buf = v.getDataBuffer();
        switch (p.size) {
            case 1 -> {
                if (p == Prim.BOOL) {
                    for (int i = 0; i < n; i++) {
                        if (d[i] != 0) {
                            BitVectorHelper.setBit(buf, i);
                        }
                    }
                } else {
                    buf.setBytes(0, d, 0, n);
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    buf.setShort(i * 2L, (short) I16.get(d, i * 2));
                }
            }
            case 4 -> {
                for (int i = 0; i < n; i++) {
                    buf.setInt(i * 4L, (int) I32.get(d, i * 4));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    buf.setLong(i * 8L, (long) I64.get(d, i * 8));
                }
            }
        }
        setAllValid(v.getValidityBuffer(), n);
        v.setValueCount(n);
    }

    static void strings(VarCharVector v, Column col) {
        int n = col.entries;
        Latin1.Utf8 u = Latin1.toUtf8(col.data, col.length, col.offsets, n);
        byte[] utf8 = u.bytes();
        int[] offs = u.offsets();
        v.allocateNew(Math.max(utf8.length, 1), Math.max(n, 1));
        v.getDataBuffer().setBytes(0, utf8, 0, utf8.length);
        ArrowBuf off = v.getOffsetBuffer();
        for (int i = 0; i <= n; i++) {
            off.setInt(i * 4L, offs[i]);
        }
        setAllValid(v.getValidityBuffer(), n);
        v.setLastSet(n - 1);
        v.setValueCount(n);
    }

    static void setAllValid(ArrowBuf validity, int n) {
        int full = n / 8;
        for (int i = 0; i < full; i++) {
            validity.setByte(i, 0xff);
        }
        for (int i = full * 8; i < n; i++) {
            BitVectorHelper.setBit(validity, i);
        }
    }
}
