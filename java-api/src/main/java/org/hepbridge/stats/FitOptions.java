package org.hepbridge.stats;

/**
 * Settings of a {@link MassPeakFit}: fit range [lo, hi) in GeV, the fixed Gaussian width
 * {@code sigma} in GeV, the background shape, and an optional starting mass.
 *
 * <p>Immutable. {@code massStart} NaN (the default) means the fit scans starting masses across
 * the allowed range [lo + 2 sigma, hi - 2 sigma] and keeps the global minimum; a finite value
 * starts a single fit there. Values are validated by {@link MassPeakFit#fit(double[], FitOptions)}.
 */
public record FitOptions(double lo, double hi, double sigma, BackgroundShape background,
        double massStart) {

    /** Exponential background, mass scan. */
    public static FitOptions of(double lo, double hi, double sigma) {
        return new FitOptions(lo, hi, sigma, BackgroundShape.EXPONENTIAL, Double.NaN);
    }

    public FitOptions withBackground(BackgroundShape shape) {
        return new FitOptions(lo, hi, sigma, shape, massStart);
    }

    public FitOptions withMassStart(double mass) {
        return new FitOptions(lo, hi, sigma, background, mass);
    }
}
