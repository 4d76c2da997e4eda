package org.hepbridge.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A weighted histogram over one or more {@link Axis axes}: each bin holds the sum of weights and
 * the sum of squared weights, flow bins included.
 *
 * <p>Not thread-safe: fill one histogram per thread and merge them with {@link #add}. The axes
 * are immutable and shared with copies; the bin contents are owned by this object.
 *
 * <p>Flat arrays returned by {@link #values()} and friends are in row-major order, first axis
 * outermost (the layout of numpy and of UHI JSON). Bin indices in {@link #value(int...)} follow
 * the axis convention: {@code -1} underflow, {@code bins} overflow.
 */
public final class Histogram {

    private final List<Axis> axes;
    private final int[] strides;
    private final double[] sumW;
    private final double[] sumW2;

    /** An empty histogram over the given axes (at least one). */
    public Histogram(Axis... axes) {
        this(List.of(checkAxes(axes)));
    }

    /** An empty histogram over the given axes (at least one). */
    public Histogram(List<Axis> axes) {
        this.axes = List.of(checkAxes(axes == null ? null : axes.toArray(Axis[]::new)));
        this.strides = new int[this.axes.size()];
        long size = 1;
        for (int a = this.axes.size() - 1; a >= 0; a--) {
            strides[a] = (int) size;
            size *= this.axes.get(a).extent();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("Histogram: too many bins (" + size
                        + " cells with flow) for axes " + this.axes);
            }
        }
        this.sumW = new double[(int) size];
        this.sumW2 = new double[(int) size];
    }

    private Histogram(Histogram other) {
        this.axes = other.axes;
        this.strides = other.strides;
        this.sumW = other.sumW.clone();
        this.sumW2 = other.sumW2.clone();
    }

    private static Axis[] checkAxes(Axis[] axes) {
        if (axes == null || axes.length == 0) {
            throw new IllegalArgumentException("Histogram: needs at least one axis, got none");
        }
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] == null) {
                throw new IllegalArgumentException("Histogram: axis " + i + " is null");
            }
        }
        return axes;
    }

    /** A 1-D histogram with {@code bins} equal bins over {@code [lo, hi)} and flow bins. */
    public static Histogram regular(String name, int bins, double lo, double hi) {
        return new Histogram(new RegularAxis(name, bins, lo, hi));
    }

    /** A 1-D histogram with a display label (units included) on its axis. */
    public static Histogram regular(String name, String label, int bins, double lo, double hi) {
        return new Histogram(new RegularAxis(name, label, bins, lo, hi));
    }

    /** A 1-D histogram with the given bin edges and flow bins. */
    public static Histogram variable(String name, double... edges) {
        return new Histogram(new VariableAxis(name, edges));
    }

    /** A histogram read from UHI JSON; see {@link UhiJson#read(String)}. */
    public static Histogram fromUhiJson(String json) {
        return UhiJson.read(json);
    }

    /** This histogram as UHI JSON (schema 1, weighted storage, flow bins included). */
    public String toUhiJson() {
        return UhiJson.write(this);
    }

    // ---- structure ----

    /** The axes, in order. */
    public List<Axis> axes() {
        return axes;
    }

    /** Axis number {@code i}. */
    public Axis axis(int i) {
        checkAxisNumber("axis", i);
        return axes.get(i);
    }

    /** Number of axes. */
    public int rank() {
        return axes.size();
    }

    // ---- filling ----

    /** Adds one entry of weight 1 at {@code x} (1-D only). */
    public void fill(double x) {
        fill(x, 1.0);
    }

    /** Adds one entry of weight {@code w} at {@code x} (1-D only). */
    public void fill(double x, double w) {
        requireRank(1, "fill(x, w)");
        add(axes.get(0).cell(axes.get(0).index(x)), w);
    }

    /** Adds one entry of weight {@code w} at the given coordinates, one per axis. */
    public void fill(double[] coords, double w) {
        requireCoords(coords.length);
        int cell = 0;
        for (int a = 0; a < coords.length; a++) {
            Axis axis = axes.get(a);
            int c = axis.cell(axis.index(coords[a]));
            if (c < 0) {
                return;
            }
            cell += c * strides[a];
        }
        add(cell, w);
    }

    /**
     * Adds one entry of weight {@code w} at mixed coordinates: a {@link String} or integral
     * {@link Number} for a category axis, a {@link Number} for the others.
     */
    public void fill(Object[] coords, double w) {
        requireCoords(coords.length);
        int cell = 0;
        for (int a = 0; a < coords.length; a++) {
            int c = axes.get(a).cell(indexOf(a, coords[a]));
            if (c < 0) {
                return;
            }
            cell += c * strides[a];
        }
        add(cell, w);
    }

    private int indexOf(int a, Object coord) {
        Axis axis = axes.get(a);
        if (axis instanceof CategoryAxis cat) {
            return cat.index(coord);
        }
        if (coord instanceof Number n) {
            return axis.index(n.doubleValue());
        }
        throw new IllegalArgumentException("Histogram.fill: axis " + a + " ('" + axis.name()
                + "') needs a number, got " + (coord == null ? "null" : coord.getClass()
                        .getSimpleName() + " " + coord));
    }

    /** Adds every value with weight 1 (1-D only). */
    public void fill(double[] xs) {
        for (double x : xs) {
            fill(x, 1.0);
        }
    }

    /** Adds every value with its weight (1-D only); the arrays must have the same length. */
    public void fill(double[] xs, double[] weights) {
        requireSameLength(xs.length, weights.length);
        for (int i = 0; i < xs.length; i++) {
            fill(xs[i], weights[i]);
        }
    }

    /** Adds every value with weight 1 (1-D only). */
    public void fill(float[] xs) {
        for (float x : xs) {
            fill(x, 1.0);
        }
    }

    /** Adds every value with its weight (1-D only); the arrays must have the same length. */
    public void fill(float[] xs, float[] weights) {
        requireSameLength(xs.length, weights.length);
        for (int i = 0; i < xs.length; i++) {
            fill(xs[i], weights[i]);
        }
    }

    /**
     * Adds rows given as one column per axis, with optional weights (null means 1); all columns
     * must have the same length.
     */
    public void fill(double[][] columns, double[] weights) {
        requireCoords(columns.length);
        int n = columns[0].length;
        for (double[] col : columns) {
            requireSameLength(n, col.length);
        }
        if (weights != null) {
            requireSameLength(n, weights.length);
        }
        double[] row = new double[columns.length];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < row.length; a++) {
                row[a] = columns[a][i];
            }
            fill(row, weights == null ? 1.0 : weights[i]);
        }
    }

    /**
     * Adds every non-null value of an Arrow column with weight 1 (1-D only); see
     * {@link #fill(List, FieldVector)} for the column types.
     */
    public void fill(FieldVector column) {
        fill(List.of(column), null);
    }

    /** Adds every row of an Arrow column with its weight (1-D only); null rows are skipped. */
    public void fill(FieldVector column, FieldVector weights) {
        fill(List.of(column), weights);
    }

    /**
     * Adds the rows of Arrow columns, one per axis, with an optional weight column (null means
     * weight 1). Columns may be {@code Float4Vector}, {@code Float8Vector}, {@code IntVector},
     * {@code BigIntVector} or {@code SmallIntVector}, all of the same length; a row with a null in
     * any column (weights included) is skipped. The vectors are only read, not retained.
     */
    public void fill(List<? extends FieldVector> columns, FieldVector weights) {
        requireCoords(columns.size());
        ArrowColumns.Reader[] readers = new ArrowColumns.Reader[columns.size()];
        int n = columns.get(0).getValueCount();
        for (int a = 0; a < readers.length; a++) {
            readers[a] = ArrowColumns.reader(columns.get(a));
            requireSameLength(n, columns.get(a).getValueCount());
        }
        ArrowColumns.Reader wr = weights == null ? null : ArrowColumns.reader(weights);
        if (weights != null) {
            requireSameLength(n, weights.getValueCount());
        }
        double[] row = new double[readers.length];
        for (int i = 0; i < n; i++) {
            if (ArrowColumns.anyNull(readers, wr, i)) {
                continue;
            }
            for (int a = 0; a < row.length; a++) {
                row[a] = readers[a].get(i);
            }
            fill(row, wr == null ? 1.0 : wr.get(i));
        }
    }

    private void add(int cell, double w) {
        if (cell >= 0) {
            sumW[cell] += w;
            sumW2[cell] += w * w;
        }
    }

    // ---- reading ----

    /** Sums of weights of the regular bins, flat row-major. */
    public double[] values() {
        return values(false);
    }

    /** Sums of weights, flat row-major, with or without the flow bins. */
    public double[] values(boolean flow) {
        return flow ? sumW.clone() : withoutFlow(sumW);
    }

    /** Sums of squared weights (the variances) of the regular bins, flat row-major. */
    public double[] variances() {
        return variances(false);
    }

    /** Sums of squared weights, flat row-major, with or without the flow bins. */
    public double[] variances(boolean flow) {
        return flow ? sumW2.clone() : withoutFlow(sumW2);
    }

    /** Sum of weights in one bin; indices per axis, {@code -1} underflow, {@code bins} overflow. */
    public double value(int... index) {
        return sumW[cellOf(index)];
    }

    /** Sum of squared weights in one bin; indices as in {@link #value(int...)}. */
    public double variance(int... index) {
        return sumW2[cellOf(index)];
    }

    /** Sum of weights of the regular bins. */
    public double sum() {
        return sum(false);
    }

    /** Sum of weights with or without the flow bins. */
    public double sum(boolean flow) {
        double s = 0;
        for (double v : values(flow)) {
            s += v;
        }
        return s;
    }

    /** Number of storage cells along each axis, flow bins included. */
    public int[] shape(boolean flow) {
        return axes.stream().mapToInt(a -> flow ? a.extent() : a.bins()).toArray();
    }

    private int cellOf(int[] index) {
        requireCoords(index.length);
        int cell = 0;
        for (int a = 0; a < index.length; a++) {
            Axis axis = axes.get(a);
            int c = index[a] < -1 || index[a] > axis.bins() ? -1 : axis.cell(index[a]);
            if (c < 0) {
                throw new IndexOutOfBoundsException("Histogram: bin index " + index[a]
                        + " on axis " + a + " ('" + axis.name() + "') has no storage; expected "
                        + (axis.underflow() ? -1 : 0) + ".." + (axis.bins()
                                - (axis.overflow() ? 0 : 1)));
            }
            cell += c * strides[a];
        }
        return cell;
    }

    private double[] withoutFlow(double[] data) {
        int[] shape = shape(false);
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        double[] out = new double[size];
        int[] idx = new int[shape.length];
        for (int i = 0; i < size; i++) {
            out[i] = data[cellOf(idx)];
            increment(idx, shape);
        }
        return out;
    }

    private static void increment(int[] idx, int[] shape) {
        for (int a = idx.length - 1; a >= 0; a--) {
            if (++idx[a] < shape[a]) {
                return;
            }
            idx[a] = 0;
        }
    }

    // ---- arithmetic ----

    /**
     * Adds the contents of {@code other} into this histogram (sums of weights and of squared
     * weights); the axes must bin identically, labels aside.
     */
    public Histogram add(Histogram other) {
        checkCompatible(other);
        for (int i = 0; i < sumW.length; i++) {
            sumW[i] += other.sumW[i];
            sumW2[i] += other.sumW2[i];
        }
        return this;
    }

    private void checkCompatible(Histogram other) {
        if (other.rank() != rank()) {
            throw new IllegalArgumentException("Histogram.add: rank differs: this has "
                    + rank() + " axes " + names() + ", other has " + other.rank() + " "
                    + other.names());
        }
        for (int a = 0; a < rank(); a++) {
            if (!axes.get(a).sameBinning(other.axes.get(a))) {
                throw new IllegalArgumentException("Histogram.add: axis " + a
                        + " differs: this has " + axes.get(a) + ", other has "
                        + other.axes.get(a));
            }
        }
    }

    private List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /** Multiplies every bin by {@code factor} (variances by its square). */
    public Histogram scale(double factor) {
        for (int i = 0; i < sumW.length; i++) {
            sumW[i] *= factor;
            sumW2[i] *= factor * factor;
        }
        return this;
    }

    /** An independent copy sharing the (immutable) axes. */
    public Histogram copy() {
        return new Histogram(this);
    }

    /**
     * A histogram over the selected axes, in the given order, summing over all others including
     * their flow bins (as boost-histogram's {@code project} does).
     */
    public Histogram project(int... keep) {
        if (keep.length == 0) {
            throw new IllegalArgumentException("Histogram.project: needs at least one axis");
        }
        List<Axis> kept = new ArrayList<>();
        for (int k : keep) {
            checkAxisNumber("project", k);
            if (kept.contains(axes.get(k))) {
                throw new IllegalArgumentException("Histogram.project: axis " + k
                        + " selected twice in " + Arrays.toString(keep));
            }
            kept.add(axes.get(k));
        }
        Histogram out = new Histogram(kept);
        int[] cells = new int[rank()];
        int[] extents = shape(true);
        for (int i = 0; i < sumW.length; i++) {
            int dst = 0;
            for (int j = 0; j < keep.length; j++) {
                dst += cells[keep[j]] * out.strides[j];
            }
            out.sumW[dst] += sumW[i];
            out.sumW2[dst] += sumW2[i];
            increment(cells, extents);
        }
        return out;
    }

    /**
     * A histogram whose axis {@code axis} has groups of {@code factor} neighbouring bins merged;
     * flow bins are kept. The factor must divide the number of bins; category axes cannot be
     * rebinned.
     */
    public Histogram rebin(int axis, int factor) {
        checkAxisNumber("rebin", axis);
        Axis old = axes.get(axis);
        List<Axis> newAxes = new ArrayList<>(axes);
        newAxes.set(axis, Rebinning.merged(old, factor));
        Histogram out = new Histogram(newAxes);
        int[] cells = new int[rank()];
        int[] extents = shape(true);
        for (int i = 0; i < sumW.length; i++) {
            int dst = 0;
            for (int a = 0; a < rank(); a++) {
                int c = a == axis ? Rebinning.mergedCell(old, cells[a], factor) : cells[a];
                dst += c * out.strides[a];
            }
            out.sumW[dst] += sumW[i];
            out.sumW2[dst] += sumW2[i];
            increment(cells, extents);
        }
        return out;
    }

    // ---- checks ----

    private void checkAxisNumber(String op, int i) {
        if (i < 0 || i >= rank()) {
            throw new IndexOutOfBoundsException("Histogram." + op + ": axis number " + i
                    + " out of range, histogram has " + rank() + " axes " + names());
        }
    }

    private void requireRank(int r, String op) {
        if (rank() != r) {
            throw new IllegalArgumentException("Histogram." + op + ": needs a " + r
                    + "-D histogram, this one has " + rank() + " axes " + names());
        }
    }

    private void requireCoords(int n) {
        if (n != rank()) {
            throw new IllegalArgumentException("Histogram.fill: got " + n
                    + " coordinates, expected one per axis: " + rank() + " " + names());
        }
    }

    private static void requireSameLength(int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException("Histogram.fill: column lengths differ: "
                    + expected + " vs " + actual);
        }
    }

    // Package access for the UHI codec.
    double[] rawValues() {
        return sumW;
    }

    double[] rawVariances() {
        return sumW2;
    }

    @Override
    public String toString() {
        return "Histogram[axes=" + axes + ", sum=" + sum() + ", sum with flow=" + sum(true)
                + "]";
    }
}
