package org.hepbridge.stats;

/**
 * Shape uncertainty of a sample (pyhf {@code histosys}): per bin the nominal yield moves by
 * {@code alpha (hi - nominal)} for alpha &gt;= 0 and {@code alpha (nominal - lo)} for alpha &lt; 0
 * (piecewise linear, pyhf interpolation code 0), with alpha Gaussian-constrained around 0 with
 * width 1.
 *
 * <p>Immutable: the templates are copied on construction and on access.
 */
public record HistoSys(String parameter, double[] hi, double[] lo) {

    public HistoSys {
        hi = hi == null ? null : hi.clone();
        lo = lo == null ? null : lo.clone();
    }

    @Override
    public double[] hi() {
        return hi == null ? null : hi.clone();
    }

    @Override
    public double[] lo() {
        return lo == null ? null : lo.clone();
    }

    double delta(int bin, double nominal, double alpha) {
        return alpha >= 0 ? alpha * (hi[bin] - nominal) : alpha * (nominal - lo[bin]);
    }
}
