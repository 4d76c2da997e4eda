package org.hepbridge.stats;

import java.util.List;

/**
 * The extended negative log-likelihood of {@link MassPeakFit} over the events in range.
 *
 * <p>Immutable after construction and thread-safe; keeps the in-range masses it is given. The
 * parameter vector is {@code {mass, N_s, N_b, slope, theta_1, ..., theta_K}} (see the index
 * constants); a NaN mass or N_s = 0 means no signal term. The value is
 * {@code N_s + N_b - sum_i log(density(m_i)) + sum_k theta_k^2 / 2} with the signal centred at
 * {@code mass + sum_k shift_k(theta_k)}, or +Infinity where the density is not positive.
 */
final class PeakNll {
    static final int MASS = 0;
    static final int SIGNAL = 1;
    static final int BACKGROUND = 2;
    static final int SLOPE = 3;
    /** Index of the first nuisance parameter. */
    static final int THETA = 4;

    final double[] data;
    final double lo;
    final double hi;
    final double sigma;
    final double massMin;
    final double massMax;
    final double massStart;
    final double maxYield;
    final BackgroundShape shape;
    final PeakShiftNuisance[] nuisances;

    PeakNll(double[] data, FitOptions o) {
        this.data = data;
        this.lo = o.lo();
        this.hi = o.hi();
        this.sigma = o.sigma();
        this.massMin = lo + 2 * sigma;
        this.massMax = hi - 2 * sigma;
        this.massStart = o.massStart();
        this.maxYield = 10.0 * data.length + 100;
        this.shape = o.background();
        this.nuisances = o.nuisances().toArray(PeakShiftNuisance[]::new);
    }

    int thetaCount() {
        return nuisances.length;
    }

    List<PeakShiftNuisance> nuisanceList() {
        return List.of(nuisances);
    }

    /** The NLL at the full parameter vector {@code p} (length {@code THETA + thetaCount()}). */
    double value(double[] p) {
        double constraint = 0;
        double centre = p[MASS];
        for (int k = 0; k < nuisances.length; k++) {
            double theta = p[THETA + k];
            constraint += 0.5 * theta * theta;
            centre += nuisances[k].shift(theta);
        }
        return constraint + eventTerms(centre, p[SIGNAL], p[BACKGROUND], p[SLOPE]);
    }

    private double eventTerms(double centre, double ns, double nb, double slope) {
        double sum = ns + nb;
        // Signal normalisation once per call: the erfc behind it dominates otherwise.
        double peak = ns == 0 ? 0 : ns / (Math.sqrt(2 * Math.PI) * sigma
                * MassPeakFit.gaussianMass(centre, sigma, lo, hi));
        for (double m : data) {
            double d = nb * shape.density(m, slope, lo, hi);
            if (peak != 0) {
                double z = (m - centre) / sigma;
                d += peak * Math.exp(-0.5 * z * z);
            }
            if (!(d > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            sum -= Math.log(d);
        }
        return sum;
    }

    /** Search scale of the yields: about one Poisson standard deviation of the total. */
    double yieldScale() {
        return Math.sqrt(data.length) + 1;
    }

    double maxSlope() {
        return shape.maxAbsSlope(lo, hi);
    }

    double slopeScale() {
        return 1 / (hi - lo);
    }
}
