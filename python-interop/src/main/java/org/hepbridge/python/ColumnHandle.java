package org.hepbridge.python;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.graalvm.polyglot.HostAccess;

/**
 * One Arrow column handed from Python to Java: imported through the C Data interface (CPython)
 * or built from Java arrays (GraalPy).
 *
 * <p>Ownership: the handle owns its vector; {@link #close()} releases it, and for an imported
 * column that calls the producer's release callback, so the producer's memory is freed only
 * then. Not thread-safe.
 */
public final class ColumnHandle implements AutoCloseable {
    private final FieldVector vector;
    private final String label;
    private boolean closed;

    /** Takes ownership of {@code vector}; {@code label} names it in messages. */
    ColumnHandle(FieldVector vector, String label) {
        this.vector = vector;
        this.label = label;
    }

    static ColumnHandle ofBooleans(String name, boolean[] values, BufferAllocator allocator) {
        BitVector v = new BitVector(name, allocator);
        try {
            v.allocateNew(values.length);
            for (int i = 0; i < values.length; i++) {
                v.set(i, values[i] ? 1 : 0);
            }
            v.setValueCount(values.length);
            return new ColumnHandle(v, name);
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    static ColumnHandle ofDoubles(String name, double[] values, BufferAllocator allocator) {
        Float8Vector v = new Float8Vector(name, allocator);
        try {
            v.allocateNew(values.length);
            for (int i = 0; i < values.length; i++) {
                v.set(i, values[i]);
            }
            v.setValueCount(values.length);
            return new ColumnHandle(v, name);
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }

    /** The vector, for Java callers; valid until {@link #close()}. */
    public FieldVector vector() {
        if (closed) {
            throw new IllegalStateException("ColumnHandle: used after close()");
        }
        return vector;
    }

    /**
     * The name used in messages: the one given by the caller (an Arrow array handed over
     * through C Data usually has no name of its own).
     */
    @HostAccess.Export
    public String label() {
        return label;
    }

    /** The column's type in pyarrow's spelling, e.g. {@code bool} or {@code double}. */
    @HostAccess.Export
    public String typeName() {
        return ArrowTypeNames.describe(vector().getField());
    }

    @HostAccess.Export
    public int length() {
        return vector().getValueCount();
    }

    /** Address of the values buffer, to show an import did not copy. */
    @HostAccess.Export
    public long dataBufferAddress() {
        return vector().getDataBuffer().memoryAddress();
    }

    /** Releases the vector (and, for an import, the producer's data). Idempotent. */
    @HostAccess.Export
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vector.close();
        }
    }
}
