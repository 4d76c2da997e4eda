package org.hepbridge.stats;

import java.util.List;
import java.util.Locale;

/**
 * Outcome of a {@link MassPeakFit}: best-fit parameters with their Hessian errors and the
 * likelihood-ratio significance of the peak.
 *
 * <p>Immutable and thread-safe. Yields are expected numbers of events inside [lo, hi); the signal
 * Gaussian is normalised over that range. {@code backgroundSlope} is interpreted as described in
 * {@link BackgroundShape}. {@code q0 = 2 (nllBackgroundOnly - nllSignalPlusBackground)} with the
 * signal yield constrained to be non-negative and the nuisance parameters profiled in both
 * hypotheses, and {@code localSignificance = sqrt(q0)} (0 when the fitted signal yield is 0).
 * Errors are NaN when the Hessian was not positive definite; {@code converged} is false then, or
 * when the search hit its evaluation limit or the estimated distance to the minimum stayed above
 * 1e-6.
 *
 * <p>With nuisance parameters, {@code massError} is the total error (the Hessian over every
 * parameter, the thetas included) and {@code massStatError} the error with the thetas fixed at
 * their fitted values; {@link #massSystError()} is what the thetas add in quadrature. Without
 * them both errors are the same statistical error. The nll values include the constraint terms.
 *
 * @param massStatError the mass error with the nuisance parameters fixed, GeV
 * @param nuisances the fitted nuisance parameters, in the order of the fit options (empty for a
 *     fit without them)
 */
public record PeakFitResult(double mass, double massError, double signalYield,
        double signalYieldError, double backgroundYield, double backgroundYieldError,
        double backgroundSlope, double backgroundSlopeError, double sigma, int eventsInRange,
        double nllSignalPlusBackground, double nllBackgroundOnly, double q0,
        double localSignificance, boolean converged, String backgroundShape, double lo,
        double hi, double massStatError, List<FittedNuisance> nuisances) {

    /** Copies the nuisance list; null means none. */
    public PeakFitResult {
        nuisances = nuisances == null ? List.of() : List.copyOf(nuisances);
    }

    /**
     * A fitted peak-shift nuisance parameter.
     *
     * @param theta best-fit value, in units of the source's standard deviation
     * @param thetaError its Hessian error (1 when the data carry no information on it)
     */
    public record FittedNuisance(PeakShiftNuisance source, double theta, double thetaError) {
    }

    /**
     * The systematic part of the mass error, {@code sqrt(massError^2 - massStatError^2)} (0 when
     * rounding makes the difference negative, NaN when an error is NaN).
     */
    public double massSystError() {
        double difference = massError * massError - massStatError * massStatError;
        return Double.isNaN(difference) ? Double.NaN : Math.sqrt(Math.max(0, difference));
    }

    /** Where the fitted signal Gaussian is centred: the mass plus the nuisance shifts, GeV. */
    public double peakPosition() {
        double position = mass;
        for (FittedNuisance n : nuisances) {
            position += n.source().shift(n.theta());
        }
        return position;
    }

    /** Expected signal events per GeV at {@code m} (0 outside [lo, hi)). */
    public double signalDensity(double m) {
        return signalYield * MassPeakFit.gaussianDensity(m, peakPosition(), sigma, lo, hi);
    }

    /** Expected background events per GeV at {@code m} (0 outside [lo, hi)). */
    public double backgroundDensity(double m) {
        BackgroundShape shape = BackgroundShape.valueOf(backgroundShape.toUpperCase(Locale.ROOT));
        return backgroundYield * shape.density(m, backgroundSlope, lo, hi);
    }
}
