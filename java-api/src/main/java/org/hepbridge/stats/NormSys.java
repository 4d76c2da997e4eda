package org.hepbridge.stats;

/**
 * Normalisation uncertainty of a sample (pyhf {@code normsys}): the sample is scaled by
 * {@code hi^alpha} for alpha &gt;= 0 and {@code lo^(-alpha)} for alpha &lt; 0 (piecewise
 * exponential, pyhf interpolation code 1), with alpha Gaussian-constrained around 0 with width 1.
 *
 * <p>Immutable. {@code hi} and {@code lo} are the factors at alpha = +1 and -1 (e.g. 1.1, 0.9).
 */
public record NormSys(String parameter, double hi, double lo) {

    double factor(double alpha) {
        return alpha >= 0 ? Math.pow(hi, alpha) : Math.pow(lo, -alpha);
    }
}
