package org.hepbridge.python;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;
import org.graalvm.polyglot.HostAccess;

/**
 * Element-wise read access to one column of a {@link Batch}, reading the Arrow memory in
 * place: the way columns reach GraalPy, which has no pyarrow and cannot map Arrow buffers as
 * Python buffers. Each call crosses into Java, so bulk access goes through {@link #toArray()}.
 *
 * <p>Lifetime: borrowed from its batch; any call after the batch is closed throws
 * {@link IllegalStateException}. Not thread-safe.
 */
public final class ColumnView {
    private final FieldVector vector;
    private final Batch owner;

    ColumnView(FieldVector vector, Batch owner) {
        this.vector = vector;
        this.owner = owner;
    }

    @HostAccess.Export
    public String name() {
        return vector.getName();
    }

    /** The type in pyarrow's spelling. */
    @HostAccess.Export
    public String typeName() {
        owner.checkOpen();
        return ArrowTypeNames.describe(vector.getField());
    }

    @HostAccess.Export
    public int length() {
        owner.checkOpen();
        return vector.getValueCount();
    }

    /**
     * The value at {@code row} as a plain Java value: a number, boolean or string, null for a
     * null, and an {@code Object[]} of such values for a list.
     */
    @HostAccess.Export
    public Object get(int row) {
        owner.checkOpen();
        if (row < 0 || row >= vector.getValueCount()) {
            throw new IndexOutOfBoundsException("ColumnView '" + vector.getName() + "': row "
                    + row + " not in [0, " + vector.getValueCount() + ")");
        }
        return plain(vector.getObject(row));
    }

    /** Every value, converted as {@link #get(int)} does (one copy into the Java heap). */
    @HostAccess.Export
    public Object[] toArray() {
        owner.checkOpen();
        Object[] out = new Object[vector.getValueCount()];
        for (int row = 0; row < out.length; row++) {
            out[row] = plain(vector.getObject(row));
        }
        return out;
    }

    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case Text text -> text.toString();
            case List<?> list -> list.stream().map(ColumnView::plain).toArray();
            default -> value;
        };
    }
}
