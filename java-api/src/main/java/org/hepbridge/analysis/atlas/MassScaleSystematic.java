package org.hepbridge.analysis.atlas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hepbridge.stats.FitOptions;
import org.hepbridge.stats.MassPeakFit;
import org.hepbridge.stats.PeakFitResult;
import org.hepbridge.stats.PeakShiftNuisance;

/**
 * The lepton energy- and momentum-scale variations and the peak shifts they cause, which become
 * the nuisance parameters of the ATLAS mass fit. Each scale variation of the calibration tools
 * ({@code EG_SCALE} for electrons, {@code MUON_SCALE} for muons, up and down) is run through the
 * whole selection; the m4l values of the events it selects are refitted with the nominal model
 * (same window, same fixed width, started at the nominal mass, no nuisance parameters), and the
 * shift of the fitted mass from the nominal one is recorded. Per source, the up and down shifts
 * are the peak shifts at theta = +1 and -1 of a {@link PeakShiftNuisance}.
 *
 * <p>The resolution variations are left out on purpose: they smear the masses, which changes the
 * peak width (fixed in this fit, from the resolution model), not its position, so their mass
 * shifts would be fluctuations of the smearing rather than a scale uncertainty.
 *
 * <p>Immutable and thread-safe.
 *
 * @param variations one refit per scale variation, in the order of the run's variations
 */
public record MassScaleSystematic(List<Shift> variations) {
    /** Suffixes of the variation names (e.g. {@code EG_SCALE__1up}) that shift the scale. */
    static final String UP = "_SCALE__1up";
    static final String DOWN = "_SCALE__1down";

    public MassScaleSystematic {
        variations = List.copyOf(variations);
    }

    /**
     * The refit of one variation.
     *
     * @param mass fitted mass with the variation, GeV
     * @param shift {@code mass} minus the nominal fitted mass, GeV
     * @param eventsInWindow selected events inside the fit window with the variation
     * @param converged whether the refit converged
     */
    public record Shift(String variation, double mass, double shift, int eventsInWindow,
            boolean converged) {
    }

    /** Whether every refit converged. */
    public boolean converged() {
        return variations.stream().allMatch(Shift::converged);
    }

    /**
     * One nuisance parameter per source (in the order the sources first appear), whose shifts at
     * theta = +1 and -1 are the up and down variations' mass shifts. A source with only one of
     * the two variations is taken as symmetric (the missing shift mirrors the present one).
     */
    public List<PeakShiftNuisance> nuisances() {
        Map<String, double[]> bySource = new LinkedHashMap<>();
        for (Shift shift : variations) {
            double[] upDown = bySource.computeIfAbsent(source(shift.variation()),
                    k -> new double[] {Double.NaN, Double.NaN});
            upDown[shift.variation().endsWith(UP) ? 0 : 1] = shift.shift();
        }
        List<PeakShiftNuisance> nuisances = new ArrayList<>();
        bySource.forEach((source, upDown) -> nuisances.add(new PeakShiftNuisance(source,
                Double.isNaN(upDown[0]) ? -upDown[1] : upDown[0],
                Double.isNaN(upDown[1]) ? -upDown[0] : upDown[1])));
        return nuisances;
    }

    /**
     * Refits every scale variation of {@code result} like the {@code nominal} fit.
     *
     * @return null when the run has no scale variations (run without variations)
     */
    static MassScaleSystematic compute(HzzResult result, FitOptions options,
            PeakFitResult nominal) {
        List<Shift> shifts = new ArrayList<>();
        FitOptions fromNominal = options.withNuisances(List.of()).withMassStart(nominal.mass());
        for (String variation : result.variations()) {
            if (variation.endsWith(UP) || variation.endsWith(DOWN)) {
                PeakFitResult refit = refit(result, variation, fromNominal);
                double shift = refit.mass() - nominal.mass();
                shifts.add(new Shift(variation, refit.mass(), shift, refit.eventsInRange(),
                        refit.converged()));
            }
        }
        return shifts.isEmpty() ? null : new MassScaleSystematic(shifts);
    }

    private static PeakFitResult refit(HzzResult result, String variation, FitOptions options) {
        try {
            return MassPeakFit.fit(result.m4l(variation), options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mass-scale systematic: refit of variation "
                    + variation + " failed: " + e.getMessage(), e);
        }
    }

    /** {@code EG_SCALE} for {@code EG_SCALE__1up}. */
    static String source(String variation) {
        return variation.substring(0, variation.lastIndexOf("__"));
    }
}
