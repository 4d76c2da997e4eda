package org.hepbridge.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.apache.commons.math4.legacy.analysis.solvers.BrentSolver;

/**
 * Maximum-likelihood fit of a {@link BinnedModel}: signal strength with its profile-likelihood
 * interval, and the discovery test statistic q0 for the observed data and for the Asimov dataset.
 *
 * <p>Stateless and thread-safe. Minimisation is {@link BoundedMinimizer} (Commons Math BOBYQA or
 * Brent, then Newton steps), started at pyhf's suggested point (mu = 1, nuisance parameters 0).
 */
public final class BinnedFit {

    private static final double[] NO_AUX = new double[0];

    private BinnedFit() {
    }

    /** Fit the observed data of {@code model}. */
    public static BinnedFitResult fit(BinnedModel model) {
        BinnedLikelihood observed = BinnedLikelihood.observed(model);
        BoundedMinimizer.Minimum best = global(observed);
        double[] interval = muInterval(observed, best);
        double q0 = q0(observed, best);

        BinnedLikelihood asimov = asimov(observed, 1.0);
        double q0Asimov = q0(asimov, global(asimov));

        double[] errors = new double[model.parameterCount()];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = best.error(i);
        }
        double muHat = best.x()[0];
        return new BinnedFitResult(model.parameterNames(), best.x(), errors, muHat,
                errors[0], interval[0], interval[1], best.value(), q0, Math.sqrt(q0), q0Asimov,
                Math.sqrt(q0Asimov), best.converged());
    }

    /** One fit per signal-mass hypothesis, each given as its own model, in mass order. */
    public static List<MassScanPoint> massScan(SortedMap<Double, BinnedModel> modelsByMass) {
        List<MassScanPoint> points = new ArrayList<>();
        for (Map.Entry<Double, BinnedModel> e : modelsByMass.entrySet()) {
            points.add(new MassScanPoint(e.getKey(), fit(e.getValue())));
        }
        return points;
    }

    /** Negative log-likelihood of the observed data at the given parameters (pyhf's -logpdf). */
    public static double nll(BinnedModel model, double[] params) {
        return BinnedLikelihood.observed(model).value(params);
    }

    static BoundedMinimizer.Minimum global(BinnedLikelihood l) {
        BinnedModel m = l.model();
        double[] start = new double[m.parameterCount()];
        start[0] = 1;
        double[] scale = new double[start.length];
        java.util.Arrays.fill(scale, 1);
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(l::value, start,
                m.lowerBounds(), m.upperBounds(), scale));
    }

    /** Minimum over the nuisance parameters at fixed mu; returns the full parameter vector. */
    static double[] profiledParameters(BinnedLikelihood l, double mu) {
        BinnedModel m = l.model();
        int k = m.parameterCount() - 1;
        double[] full = new double[k + 1];
        full[0] = mu;
        if (k == 0) {
            return full;
        }
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] scale = new double[k];
        java.util.Arrays.fill(lo, -5);
        java.util.Arrays.fill(hi, 5);
        java.util.Arrays.fill(scale, 1);
        BoundedMinimizer.Minimum min = BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                a -> l.value(withPoi(mu, a)), new double[k], lo, hi, scale));
        return withPoi(mu, min.x());
    }

    static double profile(BinnedLikelihood l, double mu) {
        return l.value(profiledParameters(l, mu));
    }

    private static double[] withPoi(double mu, double[] alphas) {
        double[] full = new double[alphas.length + 1];
        full[0] = mu;
        System.arraycopy(alphas, 0, full, 1, alphas.length);
        return full;
    }

    private static double q0(BinnedLikelihood l, BoundedMinimizer.Minimum best) {
        if (best.x()[0] <= 0) {
            return 0;
        }
        return Math.max(0, 2 * (profile(l, 0) - best.value()));
    }

    /**
     * The Asimov dataset at {@code mu}: expected counts with nuisance parameters fitted to the
     * observed data at that mu, and those fitted values as auxiliary data.
     */
    static BinnedLikelihood asimov(BinnedLikelihood observed, double mu) {
        BinnedModel m = observed.model();
        double[] pars = profiledParameters(observed, mu);
        double[] aux = pars.length > 1 ? java.util.Arrays.copyOfRange(pars, 1, pars.length)
                : NO_AUX;
        double[] main = m.expected(pars);
        return new BinnedLikelihood(m.withObserved(main), main, aux);
    }

    /** Where 2 (NLL_profile(mu) - NLL_min) = 1 on each side of mu-hat, within mu's bounds. */
    private static double[] muInterval(BinnedLikelihood l, BoundedMinimizer.Minimum best) {
        double muHat = best.x()[0];
        double step = Double.isFinite(best.error(0)) && best.error(0) > 0 ? best.error(0) : 1;
        double low = l.model().lowerBounds()[0];
        double high = l.model().upperBounds()[0];
        return new double[] {
            crossing(l, best.value(), muHat, -step, low),
            crossing(l, best.value(), muHat, step, high)};
    }

    private static double crossing(BinnedLikelihood l, double nllMin, double muHat, double step,
            double bound) {
        java.util.function.DoubleUnaryOperator excess = mu -> 2 * (profile(l, mu) - nllMin) - 1;
        double inside = muHat;
        double outside = muHat + step;
        while (true) {
            if ((step > 0 && outside >= bound) || (step < 0 && outside <= bound)) {
                if (excess.applyAsDouble(bound) < 0) {
                    return bound;
                }
                outside = bound;
                break;
            }
            if (excess.applyAsDouble(outside) > 0) {
                break;
            }
            inside = outside;
            step *= 2;
            outside = muHat + step;
        }
        BrentSolver solver = new BrentSolver(1e-10);
        double a = Math.min(inside, outside);
        double b = Math.max(inside, outside);
        return solver.solve(200, excess::applyAsDouble, a, b);
    }
}
