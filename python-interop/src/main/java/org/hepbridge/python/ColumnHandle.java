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

    /**
     * A column of {@code kind} "bool" or "double" from boxed values (what GraalPy passes for a
     * Python list); null values become nulls.
     *
     * @throws ColumnTypeException at the first value of another type, naming its row
     */
    static ColumnHandle fromValues(String name, String kind, Object[] values,
            BufferAllocator allocator) {
        return switch (kind) {
            case "bool" -> fill(new BitVector(name, allocator), values, kind,
                    (v, row, value) -> ((BitVector) v).set(row, requireBoolean(name, row, value)
                            ? 1 : 0));
            case "double" -> fill(new Float8Vector(name, allocator), values, kind,
                    (v, row, value) -> ((Float8Vector) v).set(row,
                            requireNumber(name, row, value)));
            default -> throw new IllegalArgumentException("ColumnHandle: unknown kind '" + kind
                    + "'; known: bool, double");
        };
    }

    private interface Setter {
        void set(FieldVector vector, int row, Object value);
    }

    private static ColumnHandle fill(FieldVector vector, Object[] values, String kind,
            Setter setter) {
        try {
            vector.setInitialCapacity(values.length);
            vector.allocateNew();
            for (int row = 0; row < values.length; row++) {
                if (values[row] != null) {
                    setter.set(vector, row, values[row]);
                }
            }
            vector.setValueCount(values.length);
            return new ColumnHandle(vector, vector.getName());
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    private static boolean requireBoolean(String name, int row, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongValue(name, row, value, "bool");
    }

    private static double requireNumber(String name, int row, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongValue(name, row, value, "double");
    }

    private static ColumnTypeException wrongValue(String name, int row, Object value,
            String expected) {
        return new ColumnTypeException("PythonBridge", name, value.getClass().getSimpleName()
                + " (row " + row + ": " + value + ")", expected);
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
