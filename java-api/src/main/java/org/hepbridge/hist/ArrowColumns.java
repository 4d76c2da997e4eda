package org.hepbridge.hist;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;

/** Typed access to Arrow columns for histogram filling. */
final class ArrowColumns {

    private ArrowColumns() {
    }

    /** Reads a non-null numeric row as a double. */
    interface Reader {
        double get(int row);
    }

    /** Maps a non-null row to a bin index of one axis. */
    interface Indexer {
        int index(int row);
    }

    static Reader reader(FieldVector v) {
        IntToDoubleFunction get = switch (v) {
            case Float8Vector f -> f::get;
            case Float4Vector f -> f::get;
            case IntVector f -> f::get;
            case BigIntVector f -> f::get;
            case SmallIntVector f -> f::get;
            default -> throw new IllegalArgumentException("Histogram.fill: Arrow column '"
                    + v.getName() + "' has unsupported type " + v.getMinorType()
                    + "; expected FLOAT8, FLOAT4, INT, BIGINT or SMALLINT");
        };
        return get::applyAsDouble;
    }

    static Indexer indexer(FieldVector v, Axis axis, int axisNumber) {
        if (v instanceof VarCharVector s) {
            if (axis instanceof CategoryAxis c && c.isStringAxis()) {
                return row -> c.index(new String(s.get(row), StandardCharsets.UTF_8));
            }
            throw new IllegalArgumentException("Histogram.fill: Arrow string column '"
                    + v.getName() + "' needs a string category axis, but axis " + axisNumber
                    + " is " + axis);
        }
        Reader r = reader(v);
        return row -> axis.index(r.get(row));
    }

    static boolean anyNull(List<? extends FieldVector> columns, FieldVector weights, int row) {
        for (FieldVector v : columns) {
            if (v.isNull(row)) {
                return true;
            }
        }
        return weights != null && weights.isNull(row);
    }
}
