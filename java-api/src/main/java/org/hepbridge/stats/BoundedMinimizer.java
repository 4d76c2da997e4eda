package org.hepbridge.stats;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math4.legacy.exception.TooManyEvaluationsException;
import org.apache.commons.math4.legacy.linear.Array2DRowRealMatrix;
import org.apache.commons.math4.legacy.linear.CholeskyDecomposition;
import org.apache.commons.math4.legacy.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math4.legacy.linear.RealMatrix;
import org.apache.commons.math4.legacy.optim.InitialGuess;
import org.apache.commons.math4.legacy.optim.MaxEval;
import org.apache.commons.math4.legacy.optim.PointValuePair;
import org.apache.commons.math4.legacy.optim.SimpleBounds;
import org.apache.commons.math4.legacy.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math4.legacy.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math4.legacy.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math4.legacy.optim.univariate.BrentOptimizer;
import org.apache.commons.math4.legacy.optim.univariate.SearchInterval;
import org.apache.commons.math4.legacy.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math4.legacy.optim.univariate.UnivariatePointValuePair;

/**
 * Minimises a negative log-likelihood inside box bounds and estimates its covariance.
 *
 * <p>Stateless and thread-safe. Commons Math does the search (BOBYQA in coordinates scaled by the
 * caller's typical parameter scale, Brent for a single parameter); Newton steps on the parameters
 * that are not pinned to a bound then polish the minimum. The covariance is the inverse of the
 * numerical Hessian of the function, which is right for a negative log-likelihood (error
 * definition 0.5). A parameter pinned to a bound is left out of the inversion; its variance is the
 * inverse of its one-sided curvature and its correlations are zero.
 */
final class BoundedMinimizer {

    /** Estimated distance to the minimum below which the fit counts as converged. */
    static final double EDM_TOLERANCE = 1e-6;

    private static final int MAX_EVALUATIONS = 50_000;
    private static final int NEWTON_ITERATIONS = 10;

    private BoundedMinimizer() {
    }

    /**
     * One minimisation problem. {@code scale} is a typical uncertainty of each parameter; it sets
     * the search's step sizes. The function may return {@code +Infinity} where it is undefined.
     */
    record Problem(ToDoubleFunction<double[]> function, double[] start, double[] lower,
            double[] upper, double[] scale) {
    }

    /** The minimum found; {@code covariance} is null when the Hessian is not positive definite. */
    record Minimum(double[] x, double value, double[][] covariance, double edm, boolean converged,
            int evaluations) {

        double error(int i) {
            return covariance == null ? Double.NaN : Math.sqrt(covariance[i][i]);
        }
    }

    static Minimum minimize(Problem p) {
        double[] start = clamp(p.start(), p.lower(), p.upper());
        CountingFunction f = new CountingFunction(p.function());
        double[] x;
        boolean searchOk = true;
        try {
            x = p.start().length == 1 ? brent(f, p) : bobyqa(f, p, start);
        } catch (TooManyEvaluationsException e) {
            searchOk = false;
            x = start;
        }
        Polished polished = polish(f, x, p);
        boolean stationary = polished.edm < EDM_TOLERANCE
                || noCoordinateDescent(f, polished.x, polished.value, polished.covariance, p);
        boolean converged = searchOk && polished.covariance != null && stationary
                && Double.isFinite(polished.value);
        return new Minimum(polished.x, polished.value, polished.covariance, polished.edm,
                converged, f.calls);
    }

    private static double[] bobyqa(CountingFunction f, Problem p, double[] start) {
        int n = start.length;
        double[] lo = new double[n];
        double[] hi = new double[n];
        double minWidth = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo[i] = (p.lower()[i] - start[i]) / p.scale()[i];
            hi[i] = (p.upper()[i] - start[i]) / p.scale()[i];
            minWidth = Math.min(minWidth, hi[i] - lo[i]);
        }
        double radius = Math.min(1.0, 0.45 * minWidth);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, radius, 1e-9 * radius);
        ToDoubleFunction<double[]> scaled = u -> f.applyAsDouble(unscale(u, start, p.scale()));
        PointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS),
                new ObjectiveFunction(u -> finiteOrHuge(scaled.applyAsDouble(u))),
                GoalType.MINIMIZE, new InitialGuess(new double[n]), new SimpleBounds(lo, hi));
        return clamp(unscale(best.getPoint(), start, p.scale()), p.lower(), p.upper());
    }

    private static double[] brent(CountingFunction f, Problem p) {
        BrentOptimizer optimizer = new BrentOptimizer(1e-12, 1e-14);
        double lo = p.lower()[0];
        double hi = p.upper()[0];
        double s = Math.min(Math.max(p.start()[0], lo), hi);
        UnivariatePointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS),
                new UnivariateObjectiveFunction(
                        v -> finiteOrHuge(f.applyAsDouble(new double[] {v}))),
                GoalType.MINIMIZE, new SearchInterval(lo, hi, s));
        return new double[] {best.getPoint()};
    }

    /**
     * Minimum test for functions with kinks (piecewise interpolations): the estimated distance to
     * the minimum uses a central-difference gradient, which is meaningless at a kink, so accept
     * also a point from which no coordinate direction descends by more than what a step of a
     * thousandth of a standard deviation would gain.
     */
    private static boolean noCoordinateDescent(CountingFunction f, double[] x, double fx,
            double[][] cov, Problem p) {
        if (cov == null) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            double sd = Math.sqrt(cov[i][i]);
            if (!(sd > 0)) {
                continue;
            }
            double h = 1e-3 * sd;
            // A point off a smooth minimum by 1e-3 sd gains about 1e-6 from such a step.
            double tolerance = 1e-6 + 1e-12 * Math.abs(fx);
            for (double d : new double[] {h, -h}) {
                double xi = x[i] + d;
                if (xi < p.lower()[i] || xi > p.upper()[i]) {
                    continue;
                }
                double[] y = x.clone();
                y[i] = xi;
                if (f.applyAsDouble(y) < fx - tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Polished(double[] x, double value, double[][] covariance, double edm) {
    }

    /** Newton iterations on the free parameters, then the covariance at the final point. */
    private static Polished polish(CountingFunction f, double[] x0, Problem p) {
        double[] x = x0.clone();
        double fx = f.applyAsDouble(x);
        double edm = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < NEWTON_ITERATIONS; iter++) {
            Local local = local(f, x, p);
            edm = local.edm;
            if (local.newtonStep == null || edm < 1e-14) {
                break;
            }
            double[] trial = null;
            double fTrial = Double.POSITIVE_INFINITY;
            for (double t = 1.0; t > 1e-3; t *= 0.5) {
                trial = clamp(add(x, local.newtonStep, t), p.lower(), p.upper());
                fTrial = f.applyAsDouble(trial);
                if (fTrial <= fx) {
                    break;
                }
            }
            if (!(fTrial <= fx)) {
                break;
            }
            boolean moved = !Arrays.equals(trial, x);
            x = trial;
            fx = fTrial;
            if (!moved) {
                break;
            }
        }
        Local last = local(f, x, p);
        return new Polished(x, fx, last.covariance, last.edm);
    }

    private record Local(double[] newtonStep, double[][] covariance, double edm) {
    }

    private static Local local(CountingFunction f, double[] x, Problem p) {
        int n = x.length;
        double[] step = steps(f, x, p);
        int[] dir = NumericalDerivatives.directions(x, step, p.lower(), p.upper());
        double[] g = NumericalDerivatives.gradient(f, x, step, dir);
        double[][] h = NumericalDerivatives.hessian(f, x, step, dir);
        boolean[] pinned = new boolean[n];
        int[] free = freeParameters(x, g, h, p, pinned);
        if (!allFinite(g) || !allFinite(h)) {
            return new Local(null, null, Double.POSITIVE_INFINITY);
        }
        if (free.length == 0) {
            // Every parameter sits on a bound it is pushed against: a corner minimum.
            return new Local(null, covariance(null, free, h, pinned), 0);
        }
        try {
            RealMatrix hf = new Array2DRowRealMatrix(sub(h, free));
            RealMatrix inv = new CholeskyDecomposition(hf, 1e-12, 1e-300).getSolver().getInverse();
            double[] gf = new double[free.length];
            for (int a = 0; a < free.length; a++) {
                gf[a] = g[free[a]];
            }
            double[] delta = inv.operate(gf);
            double edm = 0;
            double[] stepFull = new double[n];
            for (int a = 0; a < free.length; a++) {
                edm += 0.5 * gf[a] * delta[a];
                stepFull[free[a]] = -delta[a];
            }
            return new Local(stepFull, covariance(inv, free, h, pinned), edm);
        } catch (NonPositiveDefiniteMatrixException e) {
            return new Local(null, null, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * A parameter within a hair of a bound whose gradient pushes it outwards is pinned; one the
     * function does not depend on at all (zero gradient and curvature, e.g. a background slope
     * when the background yield is 0) is left out too, with an undefined (NaN) variance.
     */
    private static int[] freeParameters(double[] x, double[] g, double[][] h, Problem p,
            boolean[] pinned) {
        int count = 0;
        for (int i = 0; i < x.length; i++) {
            double tol = 1e-7 * p.scale()[i];
            boolean atLower = x[i] - p.lower()[i] <= tol && g[i] > 0;
            boolean atUpper = p.upper()[i] - x[i] <= tol && g[i] < 0;
            boolean flat = g[i] == 0 && h[i][i] == 0;
            pinned[i] = atLower || atUpper || flat;
            if (!pinned[i]) {
                count++;
            }
        }
        int[] free = new int[count];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!pinned[i]) {
                free[k++] = i;
            }
        }
        return free;
    }

    private static double[][] covariance(RealMatrix inv, int[] free, double[][] h,
            boolean[] pinned) {
        int n = h.length;
        double[][] cov = new double[n][n];
        for (int a = 0; a < free.length; a++) {
            for (int b = 0; b < free.length; b++) {
                cov[free[a]][free[b]] = inv.getEntry(a, b);
            }
        }
        for (int i = 0; i < n; i++) {
            if (pinned[i]) {
                cov[i][i] = h[i][i] > 0 ? 1 / h[i][i] : Double.NaN;
            }
        }
        return cov;
    }

    /**
     * Steps of about a tenth of a standard deviation, from the diagonal curvature, kept inside an
     * eighth of the box so one-sided formulas fit.
     */
    private static double[] steps(ToDoubleFunction<double[]> f, double[] x, Problem p) {
        int n = x.length;
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = limitStep(1e-3 * p.scale()[i], i, p);
        }
        int[] dir = NumericalDerivatives.directions(x, step, p.lower(), p.upper());
        double[] c = NumericalDerivatives.curvature(f, x, step, dir);
        for (int i = 0; i < n; i++) {
            if (c[i] > 0 && Double.isFinite(c[i])) {
                step[i] = limitStep(0.1 / Math.sqrt(c[i]), i, p);
            }
        }
        return step;
    }

    private static double limitStep(double s, int i, Problem p) {
        double max = (p.upper()[i] - p.lower()[i]) / 8;
        double min = 1e-8 * p.scale()[i];
        return Math.max(min, Math.min(s, max));
    }

    private static double[][] sub(double[][] h, int[] idx) {
        double[][] s = new double[idx.length][idx.length];
        for (int a = 0; a < idx.length; a++) {
            for (int b = 0; b < idx.length; b++) {
                s[a][b] = h[idx[a]][idx[b]];
            }
        }
        return s;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }

    private static double[] add(double[] x, double[] d, double t) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + t * d[i];
        }
        return y;
    }

    static double[] clamp(double[] x, double[] lower, double[] upper) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
        return y;
    }

    private static double[] unscale(double[] u, double[] start, double[] scale) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = start[i] + u[i] * scale[i];
        }
        return x;
    }

    /** BOBYQA's quadratic models cannot digest infinities; a huge finite value repels as well. */
    private static double finiteOrHuge(double v) {
        return Double.isFinite(v) ? v : 1e30;
    }

    private static final class CountingFunction implements ToDoubleFunction<double[]> {
        private final ToDoubleFunction<double[]> delegate;
        private int calls;

        CountingFunction(ToDoubleFunction<double[]> delegate) {
            this.delegate = delegate;
        }

        @Override
        public double applyAsDouble(double[] x) {
            calls++;
            return delegate.applyAsDouble(x);
        }
    }
}
