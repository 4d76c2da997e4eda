package org.hepbridge.stats;

import org.hepbridge.hist.Histogram;

/** Conversion of 1-D {@link Histogram}s into templates for {@link BinnedModel}. Stateless. */
final class Templates {

    private Templates() {
    }

    static double[] values(String owner, Histogram h) {
        requireOneDimensional(owner, h);
        return h.values();
    }

    static double[] edges(Histogram h) {
        return h.axis(0).edges();
    }

    private static void requireOneDimensional(String owner, Histogram h) {
        if (h == null) {
            throw new IllegalArgumentException("BinnedModel: histogram of '" + owner + "' is null");
        }
        if (h.rank() != 1) {
            throw new IllegalArgumentException("BinnedModel: histogram of '" + owner + "' has "
                    + h.rank() + " axes, expected 1");
        }
    }
}
