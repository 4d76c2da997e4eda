package org.hepbridge.python;

import org.graalvm.polyglot.HostAccess;
import org.hepbridge.analysis.atlas.HzzFit;
import org.hepbridge.stats.PeakFitResult;

/**
 * The m4l peak fit ({@link HzzFit}) for the Python package; masses and widths in GeV. When the
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

    private double value(java.util.function.ToDoubleFunction<PeakFitResult> field) {
        return fit.result() == null ? Double.NaN : field.applyAsDouble(fit.result());
    }
}
