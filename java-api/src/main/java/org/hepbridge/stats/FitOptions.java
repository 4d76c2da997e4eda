package org.hepbridge.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Settings of a {@link MassPeakFit}: fit range [lo, hi) in GeV, the fixed Gaussian width
 * {@code sigma} in GeV, the background shape, an optional starting mass, and the nuisance
 * parameters that shift the peak.
 *
 * <p>Immutable (the nuisance list is copied). {@code massStart} NaN (the default) means the fit
 * scans starting masses across the allowed range [lo + 2 sigma, hi - 2 sigma] and keeps the
 * global minimum; a finite value starts a single fit there. An empty {@code nuisances} list (the
 * default) is the plain fit. Values are validated by
 * {@link MassPeakFit#fit(double[], FitOptions)}.
 */
public record FitOptions(double lo, double hi, double sigma, BackgroundShape background,
        double massStart, List<PeakShiftNuisance> nuisances) {

    /** Copies the nuisance list; null means none. Null elements are refused by the fit. */
    public FitOptions {
        nuisances = nuisances == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(nuisances));
    }

    /** Options without nuisance parameters. */
    public FitOptions(double lo, double hi, double sigma, BackgroundShape background,
            double massStart) {
        this(lo, hi, sigma, background, massStart, List.of());
    }

    /** Exponential background, mass scan. */
    public static FitOptions of(double lo, double hi, double sigma) {
        return new FitOptions(lo, hi, sigma, BackgroundShape.EXPONENTIAL, Double.NaN);
    }

    public FitOptions withBackground(BackgroundShape shape) {
        return new FitOptions(lo, hi, sigma, shape, massStart, nuisances);
    }

    public FitOptions withMassStart(double mass) {
        return new FitOptions(lo, hi, sigma, background, mass, nuisances);
    }

    /** The same options with these peak-shift nuisance parameters (replacing any before). */
    public FitOptions withNuisances(List<PeakShiftNuisance> peakShifts) {
        return new FitOptions(lo, hi, sigma, background, massStart, peakShifts);
    }
}
