package org.hepbridge.hist;

/**
 * One binned dimension of a {@link Histogram}.
 *
 * <p>Axes are immutable values and safe to share between threads and histograms. Bin indices
 * follow the boost-histogram convention: {@code 0 .. bins()-1} are the regular bins, {@code -1} is
 * the underflow bin and {@code bins()} the overflow bin. Whether a flow bin exists (has storage)
 * is told by {@link #underflow()} and {@link #overflow()}; a value that lands in a missing flow bin
 * is not counted.
 *
 * <p>The {@link #label()} is display metadata (for example {@code "m_{4l} [GeV]"}, units
 * included); it takes no part in binning and defaults to the name.
 */
public sealed interface Axis permits RegularAxis, VariableAxis, CategoryAxis {

    /** The axis name, used to identify the axis (may be empty for imported unnamed axes). */
    String name();

    /** The display label with units, for plots; never null. */
    String label();

    /** Number of regular (non-flow) bins. */
    int bins();

    /** Whether the axis has an underflow bin. */
    boolean underflow();

    /** Whether the axis has an overflow bin (for categories: the bin of unknown values). */
    boolean overflow();

    /**
     * Bin index of a coordinate: {@code -1} underflow, {@code bins()} overflow. NaN goes to the
     * overflow bin, as in boost-histogram.
     */
    int index(double x);

    /** The {@code bins()+1} bin edges; a category axis reports {@code 0, 1, ..., bins()}. */
    double[] edges();

    /** The {@code bins()} bin centres. */
    default double[] centers() {
        double[] e = edges();
        double[] c = new double[bins()];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (e[i] + e[i + 1]);
        }
        return c;
    }

    /** The {@code bins()} bin widths. */
    default double[] widths() {
        double[] e = edges();
        double[] w = new double[bins()];
        for (int i = 0; i < w.length; i++) {
            w[i] = e[i + 1] - e[i];
        }
        return w;
    }

    /** A copy of this axis with another display label. */
    Axis withLabel(String label);

    /** Number of storage cells along this axis, flow bins included. */
    default int extent() {
        return bins() + (underflow() ? 1 : 0) + (overflow() ? 1 : 0);
    }

    /**
     * Storage cell of a bin index along this axis, or {@code -1} when the index falls in a flow
     * bin the axis does not have.
     */
    default int cell(int index) {
        if (index < 0) {
            return underflow() ? 0 : -1;
        }
        if (index >= bins()) {
            return overflow() ? extent() - 1 : -1;
        }
        return index + (underflow() ? 1 : 0);
    }

    /**
     * Whether the other axis bins identically (type, name, edges or categories, flow bins);
     * labels are ignored.
     */
    boolean sameBinning(Axis other);
}
