package org.hepbridge.hist;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/** Typed access to numeric Arrow columns for histogram filling. */
final class ArrowColumns {

    private ArrowColumns() {
    }

    /** Reads row {@code i} as a double; only called for non-null rows. */
    interface Reader {
        double get(int i);

        boolean isNull(int i);
    }

    static Reader reader(FieldVector v) {
        return switch (v) {
            case Float8Vector f -> reader(f, f::get);
            case Float4Vector f -> reader(f, f::get);
            case IntVector f -> reader(f, f::get);
            case BigIntVector f -> reader(f, f::get);
            case SmallIntVector f -> reader(f, f::get);
            default -> throw new IllegalArgumentException("Histogram.fill: Arrow column '"
                    + v.getName() + "' has unsupported type " + v.getMinorType()
                    + "; expected FLOAT8, FLOAT4, INT, BIGINT or SMALLINT");
        };
    }

    private static Reader reader(FieldVector v, java.util.function.IntToDoubleFunction get) {
        return new Reader() {
            @Override
            public double get(int i) {
                return get.applyAsDouble(i);
            }

            @Override
            public boolean isNull(int i) {
                return v.isNull(i);
            }
        };
    }

    static boolean anyNull(Reader[] columns, Reader weights, int i) {
        for (Reader r : columns) {
            if (r.isNull(i)) {
                return true;
            }
        }
        return weights != null && weights.isNull(i);
    }
}
