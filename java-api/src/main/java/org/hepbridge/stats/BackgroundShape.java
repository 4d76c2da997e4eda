package org.hepbridge.stats;

/**
 * Shape of the smooth background under a mass peak, normalised over the fit range [lo, hi).
 *
 * <p>The slope parameter means, for {@link #EXPONENTIAL}, {@code c} in a density proportional to
 * {@code exp(-c m)} (per GeV; positive falls); for {@link #LINEAR}, {@code a} in a density
 * proportional to {@code 1 + a (m - centre)} with centre the middle of the range, limited to
 * |a| &lt;= 2 / (hi - lo) so the density never goes negative inside the range.
 */
public enum BackgroundShape {
    EXPONENTIAL("exponential"),
    LINEAR("linear");

    private final String label;

    BackgroundShape(String label) {
        this.label = label;
    }

    /** Lower-case name used in reports. */
    public String label() {
        return label;
    }

    /** Normalised density at {@code m} for the given slope on [lo, hi); 0 outside. */
    double density(double m, double slope, double lo, double hi) {
        if (m < lo || m >= hi) {
            return 0;
        }
        double width = hi - lo;
        if (this == LINEAR) {
            return (1 + slope * (m - 0.5 * (lo + hi))) / width;
        }
        double cw = slope * width;
        if (Math.abs(cw) < 1e-3) {
            // Series of cW / (1 - exp(-cW)); the next term, (cW)^6 / 30240, is below 1e-22.
            double z2 = cw * cw;
            double ratio = 1 + cw / 2 + z2 / 12 - z2 * z2 / 720;
            return ratio * Math.exp(-slope * (m - lo)) / width;
        }
        // c exp(-c x) / (1 - exp(-c W)) with x = m - lo, written to stay finite for either sign.
        return slope * Math.exp(-slope * (m - lo)) / -Math.expm1(-cw);
    }

    /** Slope bounds for the fit: a wide band for the exponential, positivity for the line. */
    double maxAbsSlope(double lo, double hi) {
        return this == LINEAR ? 2 / (hi - lo) : 50 / (hi - lo);
    }
}
