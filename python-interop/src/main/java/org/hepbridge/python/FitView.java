package org.hepbridge.python;

import org.graalvm.polyglot.HostAccess;
import org.hepbridge.analysis.atlas.HzzFit;
import org.hepbridge.stats.PeakFitResult;

/**
 * The m4l peak fit ({@link HzzFit}) for the Python package; masses and widths in GeV. With the
 * calibration variations in the run, the lepton scales are nuisance parameters: the mass error
 * is then stat+syst, split by {@link #massStatError()} and {@link #massSystError()}. When the
 * fit was not performed, {@link #performed()} is false, {@link #skippedBecause()} says why and
 * every fitted number is NaN. Immutable.
 */
public final class FitView {
    private final HzzFit fit;

    FitView(HzzFit fit) {
        this.fit = fit;
    }

    @HostAccess.Export
    public boolean performed() {
        return fit.result() != null;
    }

    /** Why the fit was skipped, or null. */
    @HostAccess.Export
    public String skippedBecause() {
        return fit.skippedBecause();
    }

    @HostAccess.Export
    public double low() {
        return fit.low();
    }

    @HostAccess.Export
    public double high() {
        return fit.high();
    }

    @HostAccess.Export
    public double signalWidth() {
        return fit.signalWidth();
    }

    @HostAccess.Export
    public double mass() {
        return value(PeakFitResult::mass);
    }

    @HostAccess.Export
    public double massError() {
        return value(PeakFitResult::massError);
    }

    /** The mass error with the nuisance parameters fixed (all of it without them). */
    @HostAccess.Export
    public double massStatError() {
        return value(PeakFitResult::massStatError);
    }

    /** What the lepton-scale nuisance parameters add to the mass error (0 without them). */
    @HostAccess.Export
    public double massSystError() {
        return value(PeakFitResult::massSystError);
    }

    /** The profile-likelihood 68% interval on the mass, {lower, upper}; NaN if not fitted. */
    @HostAccess.Export
    public double[] massInterval() {
        return interval(fit.massInterval());
    }

    /** The same interval with the nuisance parameters fixed (statistical only). */
    @HostAccess.Export
    public double[] massStatInterval() {
        return interval(fit.massStatInterval());
    }

    /** Names of the fitted nuisance parameters (empty without variations). */
    @HostAccess.Export
    public String[] nuisanceNames() {
        return fit.result() == null ? new String[0] : fit.result().nuisances().stream()
                .map(n -> n.source().name()).toArray(String[]::new);
    }

    @HostAccess.Export
    public double signalYield() {
        return value(PeakFitResult::signalYield);
    }

    @HostAccess.Export
    public double signalYieldError() {
        return value(PeakFitResult::signalYieldError);
    }

    @HostAccess.Export
    public double backgroundYield() {
        return value(PeakFitResult::backgroundYield);
    }

    @HostAccess.Export
    public double localSignificance() {
        return value(PeakFitResult::localSignificance);
    }

    @HostAccess.Export
    public int eventsInRange() {
        return fit.result() == null ? 0 : fit.result().eventsInRange();
    }

    @HostAccess.Export
    public boolean converged() {
        return fit.result() != null && fit.result().converged();
    }

    private static double[] interval(HzzFit.Interval interval) {
        return interval == null ? new double[] {Double.NaN, Double.NaN}
                : new double[] {interval.lower(), interval.upper()};
    }

    private double value(java.util.function.ToDoubleFunction<PeakFitResult> field) {
        return fit.result() == null ? Double.NaN : field.applyAsDouble(fit.result());
    }
}
