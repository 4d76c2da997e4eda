package org.hepbridge.hist;

/** Axis merging for {@link Histogram#rebin}. */
final class Rebinning {

    private Rebinning() {
    }

    static Axis merged(Axis axis, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("Histogram.rebin: factor must be >= 1, got "
                    + factor + " for axis '" + axis.name() + "'");
        }
        if (axis instanceof CategoryAxis) {
            throw new IllegalArgumentException("Histogram.rebin: category axis '"
                    + axis.name() + "' cannot be rebinned (its bins are unordered)");
        }
        if (axis.bins() % factor != 0) {
            throw new IllegalArgumentException("Histogram.rebin: factor " + factor
                    + " does not divide the " + axis.bins() + " bins of axis '" + axis.name()
                    + "'");
        }
        return switch (axis) {
            case RegularAxis r -> new RegularAxis(r.name(), r.label(), r.bins() / factor, r.lo(),
                    r.hi(), r.underflow(), r.overflow());
            case VariableAxis v -> new VariableAxis(v.name(), v.label(), everyNth(v.edges(),
                    factor), v.underflow(), v.overflow());
            case CategoryAxis c -> c;
        };
    }

    private static double[] everyNth(double[] edges, int factor) {
        double[] out = new double[(edges.length - 1) / factor + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = edges[i * factor];
        }
        return out;
    }

    /** The cell in the merged axis of a cell of the original axis. */
    static int mergedCell(Axis old, int cell, int factor) {
        int shift = old.underflow() ? 1 : 0;
        int index = cell - shift;
        if (index < 0 || index >= old.bins()) {
            int newBins = old.bins() / factor;
            return index < 0 ? 0 : newBins + shift;
        }
        return index / factor + shift;
    }
}
