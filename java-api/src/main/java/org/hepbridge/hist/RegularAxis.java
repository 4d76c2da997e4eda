package org.hepbridge.hist;

/**
 * Equal-width bins over {@code [lo, hi)}; immutable and thread-safe.
 *
 * <p>The bin of {@code x} is computed as boost-histogram does,
 * {@code floor((x - lo) / (hi - lo) * bins)}, so that the same input lands in the same bin in
 * Java and in Python {@code hist}; {@code x == hi} is overflow.
 *
 * @param name the axis name
 * @param label display label with units (defaults to the name when null or empty)
 * @param bins number of bins, at least 1
 * @param lo lower edge, finite
 * @param hi upper edge, finite and greater than {@code lo}
 * @param underflow whether an underflow bin exists
 * @param overflow whether an overflow bin exists
 */
public record RegularAxis(String name, String label, int bins, double lo, double hi,
        boolean underflow, boolean overflow) implements Axis {

    private static final String WHO = "RegularAxis";

    /** Validates the binning; see the record description for the rules. */
    public RegularAxis {
        Checks.name(WHO, name);
        label = Checks.label(label, name);
        if (bins <= 0) {
            throw new IllegalArgumentException(
                    WHO + " '" + name + "': bins must be >= 1, got " + bins);
        }
        Checks.finite(WHO + " '" + name + "'", "lo", lo);
        Checks.finite(WHO + " '" + name + "'", "hi", hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException(WHO + " '" + name + "': lo must be < hi, got lo="
                    + lo + " hi=" + hi);
        }
    }

    /** An axis with both flow bins and the name as label. */
    public RegularAxis(String name, int bins, double lo, double hi) {
        this(name, name, bins, lo, hi, true, true);
    }

    /** An axis with both flow bins. */
    public RegularAxis(String name, String label, int bins, double lo, double hi) {
        this(name, label, bins, lo, hi, true, true);
    }

    @Override
    public int index(double x) {
        double z = (x - lo) / (hi - lo);
        if (z < 1) {
            return z >= 0 ? (int) (z * bins) : -1;
        }
        return bins;
    }

    @Override
    public double[] edges() {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            double z = (double) i / bins;
            e[i] = (1 - z) * lo + z * hi;
        }
        return e;
    }

    @Override
    public RegularAxis withLabel(String newLabel) {
        return new RegularAxis(name, newLabel, bins, lo, hi, underflow, overflow);
    }

    @Override
    public boolean sameBinning(Axis other) {
        return other instanceof RegularAxis o && o.name.equals(name) && o.bins == bins
                && o.lo == lo && o.hi == hi && o.underflow == underflow
                && o.overflow == overflow;
    }
}
