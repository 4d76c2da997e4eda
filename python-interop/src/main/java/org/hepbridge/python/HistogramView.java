package org.hepbridge.python;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.graalvm.polyglot.HostAccess;
import org.hepbridge.hist.Histogram;

/**
 * A one-dimensional {@link Histogram} for the Python package: bin edges, values and variances
 * as arrays, UHI JSON for {@code hist}, and filling from Arrow columns handed over from Python.
 *
 * <p>Ownership: wraps the histogram without copying; filling changes it. Not thread-safe.
 */
public final class HistogramView {
    private static final String COMPONENT = "Histogram.fill";
    private static final String NUMERIC = "double, float, int64, int32 or int16";

    private final Histogram histogram;

    HistogramView(Histogram histogram) {
        this.histogram = histogram;
    }

    static HistogramView regular(String name, int bins, double low, double high) {
        return new HistogramView(Histogram.regular(name, bins, low, high));
    }

    /** The wrapped histogram, for Java callers. */
    public Histogram histogram() {
        return histogram;
    }

    @HostAccess.Export
    public String name() {
        return histogram.axis(0).name();
    }

    /** The bins + 1 edges of the axis. */
    @HostAccess.Export
    public double[] edges() {
        return histogram.axis(0).edges();
    }

    /** Sums of weights of the regular bins. */
    @HostAccess.Export
    public double[] values() {
        return histogram.values();
    }

    /** Sums of squared weights of the regular bins. */
    @HostAccess.Export
    public double[] variances() {
        return histogram.variances();
    }

    /** Sums of weights with the underflow bin first and the overflow bin last. */
    @HostAccess.Export
    public double[] valuesWithFlow() {
        return histogram.values(true);
    }

    /** The histogram as UHI JSON, readable by {@code hist} and {@code boost-histogram}. */
    @HostAccess.Export
    public String uhiJson() {
        return histogram.toUhiJson();
    }

    /**
     * Adds every non-null value of a numeric column with weight 1.
     *
     * @throws ColumnTypeException if the column is not numeric
     */
    @HostAccess.Export
    public void fill(ColumnHandle column) {
        histogram.fill(requireNumeric(column));
    }

    /**
     * Adds every row of a numeric column with the weight of the same row of {@code weights};
     * rows where either is null are skipped.
     *
     * @throws ColumnTypeException if a column is not numeric
     */
    @HostAccess.Export
    public void fillWeighted(ColumnHandle column, ColumnHandle weights) {
        histogram.fill(List.of(requireNumeric(column)), requireNumeric(weights));
    }

    private static FieldVector requireNumeric(ColumnHandle column) {
        FieldVector v = column.vector();
        ArrowType type = v.getField().getType();
        boolean ok = switch (type) {
            case ArrowType.FloatingPoint f -> f.getPrecision()
                    != org.apache.arrow.vector.types.FloatingPointPrecision.HALF;
            case ArrowType.Int i -> i.getIsSigned() && i.getBitWidth() >= 16;
            default -> false;
        };
        if (!ok) {
            throw new ColumnTypeException(COMPONENT, column.label(),
                    ArrowTypeNames.describe(v.getField()), NUMERIC);
        }
        return v;
    }
}
