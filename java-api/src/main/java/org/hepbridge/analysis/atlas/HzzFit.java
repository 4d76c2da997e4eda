package org.hepbridge.analysis.atlas;

import java.util.Arrays;
import org.hepbridge.stats.FitOptions;
import org.hepbridge.stats.MassPeakFit;
import org.hepbridge.stats.PeakFitResult;

/**
 * The first statistical interpretation: an extended unbinned maximum-likelihood fit of m4l in
 * 110-160 GeV with a Gaussian signal of fixed width on an exponential background, giving the
 * fitted mass, the signal yield and the local significance from the likelihood ratio, and the
 * lepton-scale systematic uncertainty on the mass ({@link MassScaleSystematic}).
 *
 * <p>The Gaussian width is the expected detector resolution, not a free parameter: the mean
 * relative resolution {@code sigma(m4l)/m4l} of the selected candidates inside the window
 * (propagated from per-lepton resolutions by
 * {@link org.hepbridge.analysis.FourLeptonResolution}) times 125 GeV.
 *
 * @param signalWidth the fixed Gaussian width in GeV
 * @param result the fit, or null when too few events were in the window to fit
 * @param skippedBecause why the fit was not done, or null
 * @param massSystematic the mass shifts of the scale variations, or null when the fit was not
 *     done or the run had no variations
 */
public record HzzFit(double low, double high, double signalWidth, PeakFitResult result,
        String skippedBecause, MassScaleSystematic massSystematic) {
    /** The fit window used by the command line, in GeV. */
    public static final double LOW = 110.0;
    public static final double HIGH = 160.0;
    private static final double REFERENCE_MASS = 125.0;

    /** A fit without a mass systematic. */
    public HzzFit(double low, double high, double signalWidth, PeakFitResult result,
            String skippedBecause) {
        this(low, high, signalWidth, result, skippedBecause, null);
    }

    /**
     * Fits the nominal selected events of {@code result} in [{@link #LOW}, {@link #HIGH}), then
     * refits every scale variation the run computed.
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
        PeakFitResult nominal = MassPeakFit.fit(result.m4l(), options);
        return new HzzFit(LOW, HIGH, width, nominal, null,
                MassScaleSystematic.compute(result, options, nominal));
    }
}
