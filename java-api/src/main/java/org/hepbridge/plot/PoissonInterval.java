package org.hepbridge.plot;

import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * Garwood (exact, central) confidence intervals for a Poisson mean, the error bars of observed
 * event counts in HEP plots. Stateless and thread-safe.
 *
 * <p>For {@code n} observed events and central coverage {@code 1 - alpha} the interval is
 * {@code [Q(alpha/2; n), Q(1 - alpha/2; n + 1)]}, where {@code Q(p; k)} is the p-quantile of a
 * Gamma distribution with shape {@code k} and scale 1, equivalently {@code chi2.ppf(p, 2k) / 2};
 * the lower limit is 0 when {@code n = 0}. Non-integer {@code n} (for example scaled data) uses
 * the same formula with a non-integer shape.
 */
public final class PoissonInterval {

    /** Coverage of the 1-sigma central interval, 0.682689... */
    public static final double ONE_SIGMA = 0.6826894921370859;

    private PoissonInterval() {
    }

    /** The interval {@code {lower, upper}} for {@code n} events at the 68.27 % coverage. */
    public static double[] garwood(double n) {
        return garwood(n, ONE_SIGMA);
    }

    /** The interval {@code {lower, upper}} for {@code n} events and the given coverage. */
    public static double[] garwood(double n, double coverage) {
        if (!(n >= 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("PoissonInterval: event count must be finite and"
                    + " >= 0, got " + n);
        }
        if (!(coverage > 0 && coverage < 1)) {
            throw new IllegalArgumentException("PoissonInterval: coverage must be in (0, 1), got "
                    + coverage);
        }
        double alpha = 1 - coverage;
        double lower = n == 0 ? 0 : GammaDistribution.of(n, 1).inverseCumulativeProbability(
                alpha / 2);
        double upper = GammaDistribution.of(n + 1, 1).inverseCumulativeProbability(
                1 - alpha / 2);
        return new double[] {lower, upper};
    }
}
