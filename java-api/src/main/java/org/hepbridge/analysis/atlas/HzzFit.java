package org.hepbridge.analysis.atlas;

import java.util.Arrays;
import org.hepbridge.stats.FitOptions;
import org.hepbridge.stats.MassPeakFit;
import org.hepbridge.stats.PeakFitResult;

/**
 * The first statistical interpretation: an extended unbinned maximum-likelihood fit of m4l in
 * 110-160 GeV with a Gaussian signal of fixed width on an exponential background, giving the
 * fitted mass, the signal yield and the local significance from the likelihood ratio. The
 * lepton energy and momentum scales enter as nuisance parameters: one per source
 * ({@code EG_SCALE}, {@code MUON_SCALE}), Gaussian-constrained, moving the signal peak by the mass
 * shifts that {@link MassScaleSystematic} measures by refitting each scale variation. The mass
 * error of that fit is stat+syst; the statistical part comes from the same fit with the nuisance
 * parameters fixed.
 *
 * <p>The Gaussian width is the expected detector resolution, not a free parameter: the mean
 * relative resolution {@code sigma(m4l)/m4l} of the selected candidates inside the window
 * (propagated from per-lepton resolutions by
 * {@link org.hepbridge.analysis.FourLeptonResolution}) times 125 GeV.
 *
 * <p>Immutable and thread-safe.
 *
 * @param signalWidth the fixed Gaussian width in GeV
 * @param result the fit (with the nuisance parameters when the run has scale variations), or
 *     null when too few events were in the window to fit
 * @param skippedBecause why the fit was not done, or null
 * @param massSystematic the mass shifts of the scale variations, or null when the fit was not
 *     done or the run had no variations
 * @param massInterval profile-likelihood 68% interval on the mass, nuisance parameters profiled
 *     (stat+syst), or null when the fit was not done
 * @param massStatInterval the same with the nuisance parameters fixed at their fitted values
 *     (stat), or null when the fit was not done
 */
public record HzzFit(double low, double high, double signalWidth, PeakFitResult result,
        String skippedBecause, MassScaleSystematic massSystematic, Interval massInterval,
        Interval massStatInterval) {
    /** The fit window used by the command line, in GeV. */
    public static final double LOW = 110.0;
    public static final double HIGH = 160.0;
    private static final double REFERENCE_MASS = 125.0;

    /** A fit without a mass systematic or intervals. */
    public HzzFit(double low, double high, double signalWidth, PeakFitResult result,
            String skippedBecause) {
        this(low, high, signalWidth, result, skippedBecause, null, null, null);
    }

    /** A closed interval [lower, upper] in GeV. */
    public record Interval(double lower, double upper) {
        static Interval of(double[] ends) {
            return new Interval(ends[0], ends[1]);
        }
    }

    /**
     * Fits the nominal selected events of {@code result} in [{@link #LOW}, {@link #HIGH}): first
     * without nuisance parameters, then refits every scale variation the run computed, then fits
     * again with one nuisance parameter per scale source.
     *
     * @throws IllegalArgumentException when a variation's refit fails (see
     *     {@link MassScaleSystematic})
     */
    public static HzzFit fit(HzzResult result) {
        double[] inWindowRelativeWidth = result.selectedEvents().stream()
                .filter(e -> e.m4l() >= LOW && e.m4l() < HIGH)
                .mapToDouble(e -> e.m4lResolution() / e.m4l()).toArray();
        if (inWindowRelativeWidth.length < MassPeakFit.MIN_EVENTS) {
            return new HzzFit(LOW, HIGH, Double.NaN, null, inWindowRelativeWidth.length
                    + " events in the fit window, fewer than " + MassPeakFit.MIN_EVENTS);
        }
        double width = REFERENCE_MASS
                * Arrays.stream(inWindowRelativeWidth).average().orElseThrow();
        FitOptions options = FitOptions.of(LOW, HIGH, width);
        double[] m4l = result.m4l();
        PeakFitResult nominal = MassPeakFit.fit(m4l, options);
        MassScaleSystematic systematic = MassScaleSystematic.compute(result, options, nominal);
        PeakFitResult fit = nominal;
        if (systematic != null) {
            options = options.withNuisances(systematic.nuisances());
            fit = MassPeakFit.fit(m4l, options);
        }
        return new HzzFit(LOW, HIGH, width, fit, null, systematic,
                Interval.of(MassPeakFit.profileMassInterval(m4l, options, fit, true)),
                Interval.of(MassPeakFit.profileMassInterval(m4l, options, fit, false)));
    }
}
