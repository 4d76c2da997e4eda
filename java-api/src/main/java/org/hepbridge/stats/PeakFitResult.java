package org.hepbridge.stats;

/**
 * Outcome of a {@link MassPeakFit}: best-fit parameters with their Hessian errors and the
 * likelihood-ratio significance of the peak.
 *
 * <p>Immutable and thread-safe. Yields are expected numbers of events inside [lo, hi); the signal
 * Gaussian is normalised over that range. {@code backgroundSlope} is interpreted as described in
 * {@link BackgroundShape}. {@code q0 = 2 (nllBackgroundOnly - nllSignalPlusBackground)} with the
 * signal yield constrained to be non-negative, and {@code localSignificance = sqrt(q0)} (0 when the
 * fitted signal yield is 0). Errors are NaN when the Hessian was not positive definite;
 * {@code converged} is false then, or when the search hit its evaluation limit or the estimated
 * distance to the minimum stayed above 1e-6.
 */
public record PeakFitResult(double mass, double massError, double signalYield,
        double signalYieldError, double backgroundYield, double backgroundYieldError,
        double backgroundSlope, double backgroundSlopeError, double sigma, int eventsInRange,
        double nllSignalPlusBackground, double nllBackgroundOnly, double q0,
        double localSignificance, boolean converged, String backgroundShape, double lo,
        double hi) {

    /** Expected signal events per GeV at {@code m} (0 outside [lo, hi)). */
    public double signalDensity(double m) {
        return signalYield * MassPeakFit.gaussianDensity(m, mass, sigma, lo, hi);
    }

    /** Expected background events per GeV at {@code m} (0 outside [lo, hi)). */
    public double backgroundDensity(double m) {
        BackgroundShape shape = BackgroundShape.valueOf(backgroundShape.toUpperCase());
        return backgroundYield * shape.density(m, backgroundSlope, lo, hi);
    }
}
