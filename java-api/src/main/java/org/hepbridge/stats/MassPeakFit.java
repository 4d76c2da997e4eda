package org.hepbridge.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Extended unbinned maximum-likelihood fit of a Gaussian peak of fixed width on a smooth
 * background, optionally with Gaussian-constrained nuisance parameters that shift the peak.
 *
 * <p>Stateless and thread-safe; the input array is read, never kept or modified. The model density
 * on [lo, hi) is {@code N_s G(m; M + sum_k shift_k(theta_k), sigma) + N_b B(m; slope)} with G a
 * Gaussian normalised over the range, B a {@link BackgroundShape} and the shifts those of the
 * {@link PeakShiftNuisance}s in the {@link FitOptions}; the fitted parameters are the mass M
 * (limited to [lo + 2 sigma, hi - 2 sigma]), N_s &gt;= 0, N_b &gt;= 0, the slope and each theta
 * (limited to [-5, 5]). The negative log-likelihood is
 * {@code N_s + N_b - sum_i log(density(m_i)) + sum_k theta_k^2 / 2}.
 *
 * <p>Several starting masses are tried with the thetas at 0 so the global minimum is found; the
 * fit of every parameter then starts from the best of them. The mass error of that fit (inverse
 * Hessian over all parameters) is the total error; a second fit with the thetas fixed at their
 * fitted values gives the statistical one. The background-only fit (N_s = 0) gives the test
 * statistic q0; without signal the thetas act on nothing but their constraints, so profiling them
 * there puts them at 0 exactly.
 *
 * <p>When the thetas only move the peak, as here, the data cannot tell a shifted scale from a
 * shifted mass: the fitted thetas are 0 with error 1, the fitted mass and q0 equal those of the
 * fit without nuisances, and the total mass error is the statistical one widened by the shifts
 * (for one symmetric shift delta: {@code sqrt(stat^2 + delta^2)}).
 */
public final class MassPeakFit {

    /** Fewest events inside the range that a fit accepts. */
    public static final int MIN_EVENTS = 10;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final int MAX_SCAN_POINTS = 60;
    private static final double THETA_LIMIT = 5;
    private static final int MASS = PeakNll.MASS;
    private static final int SIGNAL = PeakNll.SIGNAL;
    private static final int BACKGROUND = PeakNll.BACKGROUND;
    private static final int SLOPE = PeakNll.SLOPE;
    private static final int THETA = PeakNll.THETA;

    private MassPeakFit() {
    }

    /** Fit with an exponential background and a scan of starting masses. */
    public static PeakFitResult fit(double[] masses, double lo, double hi, double sigma) {
        return fit(masses, FitOptions.of(lo, hi, sigma));
    }

    /**
     * Fit the events of {@code masses} inside [lo, hi).
     *
     * @throws IllegalArgumentException for a null or NaN input, sigma &lt;= 0, lo &gt;= hi, a range
     *     narrower than 4 sigma, fewer than {@link #MIN_EVENTS} events in range, or a null or
     *     repeated nuisance parameter
     */
    public static PeakFitResult fit(double[] masses, FitOptions options) {
        double[] data = validate(masses, options);
        PeakNll nll = new PeakNll(data, options);
        BoundedMinimizer.Minimum bkg = fitBackgroundOnly(nll);
        BoundedMinimizer.Minimum scan = fitSignalPlusBackground(nll, bkg);
        if (nll.thetaCount() == 0) {
            return result(nll, scan, scan, bkg);
        }
        BoundedMinimizer.Minimum full = minimizeAll(nll, withThetas(scan.x(),
                new double[nll.thetaCount()]));
        BoundedMinimizer.Minimum stat = minimizeCore(nll, full.x(), thetasOf(full.x()));
        return result(nll, full, stat, bkg);
    }

    /**
     * Background-only fit (N_s = 0): returns a result whose signal yield is 0 and whose mass is
     * NaN; useful to inspect the null hypothesis on its own. Nuisance parameters, which only move
     * the absent signal, are reported at 0 with error 1.
     */
    public static PeakFitResult fitBackgroundOnly(double[] masses, FitOptions options) {
        double[] data = validate(masses, options);
        PeakNll nll = new PeakNll(data, options);
        BoundedMinimizer.Minimum bkg = fitBackgroundOnly(nll);
        List<PeakFitResult.FittedNuisance> nuisances = new ArrayList<>();
        for (PeakShiftNuisance n : nll.nuisances) {
            nuisances.add(new PeakFitResult.FittedNuisance(n, 0, 1));
        }
        return new PeakFitResult(Double.NaN, Double.NaN, 0, Double.NaN, bkg.x()[0],
                bkg.error(0), bkg.x()[1], bkg.error(1), options.sigma(), data.length,
                Double.NaN, bkg.value(), 0, 0, bkg.converged(), options.background().label(),
                options.lo(), options.hi(), Double.NaN, nuisances);
    }

    /**
     * Profile-likelihood (MINOS-like) 68% interval on the mass with every other parameter, the
     * nuisance parameters included, minimised: stat+syst when the options carry nuisances.
     *
     * @return {@code {lower, upper}}
     * @see #profileMassInterval(double[], FitOptions, PeakFitResult, boolean)
     */
    public static double[] profileMassInterval(double[] masses, FitOptions options,
            PeakFitResult best) {
        return profileMassInterval(masses, options, best, true);
    }

    /**
     * Profile-likelihood (MINOS-like) 68% interval on the mass: the masses either side of the best
     * fit where the negative log-likelihood, minimised over the other parameters, rises by 0.5.
     * With {@code profileNuisances} false the thetas stay at their values in {@code best}, which
     * gives the statistical interval. An end that does not cross inside the allowed mass range is
     * reported as that range's limit.
     *
     * @param best the result of {@link #fit(double[], FitOptions)} with the same masses and options
     * @return {@code {lower, upper}}
     * @throws IllegalArgumentException for invalid input (as {@code fit}) or a result whose
     *     nuisance parameters are not those of the options
     */
    public static double[] profileMassInterval(double[] masses, FitOptions options,
            PeakFitResult best, boolean profileNuisances) {
        double[] data = validate(masses, options);
        PeakNll nll = new PeakNll(data, options);
        double[] thetas = bestThetas(best, nll);
        double[] core = {best.signalYield(), best.backgroundYield(), best.backgroundSlope()};
        DoubleUnaryOperator profile = profileNuisances
                ? mass -> profileAll(nll, mass, core, thetas)
                : mass -> profileCore(nll, mass, core, thetas);
        double target = best.nllSignalPlusBackground() + 0.5;
        double lower = crossing(nll, best.mass(), nll.massMin, target, profile);
        double upper = crossing(nll, best.mass(), nll.massMax, target, profile);
        return new double[] {lower, upper};
    }

    /** Gaussian density normalised over [lo, hi); 0 outside. */
    static double gaussianDensity(double m, double mean, double sigma, double lo, double hi) {
        if (m < lo || m >= hi) {
            return 0;
        }
        double z = (m - mean) / sigma;
        return Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * sigma)
                / gaussianMass(mean, sigma, lo, hi);
    }

    /** Probability of a Gaussian of that mean and sigma to fall inside [lo, hi). */
    static double gaussianMass(double mean, double sigma, double lo, double hi) {
        return STANDARD_NORMAL.survivalProbability((lo - mean) / sigma)
                - STANDARD_NORMAL.survivalProbability((hi - mean) / sigma);
    }

    // ---- fits ----

    private static BoundedMinimizer.Minimum fitBackgroundOnly(PeakNll nll) {
        double[] thetas = new double[nll.thetaCount()];
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                p -> nll.value(withThetas(new double[] {Double.NaN, 0, p[0], p[1]}, thetas)),
                new double[] {nll.data.length, 0},
                new double[] {0, -nll.maxSlope()},
                new double[] {nll.maxYield, nll.maxSlope()},
                new double[] {nll.yieldScale(), nll.slopeScale()}));
    }

    /** The scan of starting masses, with the thetas at 0. */
    private static BoundedMinimizer.Minimum fitSignalPlusBackground(PeakNll nll,
            BoundedMinimizer.Minimum bkg) {
        int n = nll.data.length;
        double ns0 = Math.min(Math.sqrt(n), 0.5 * n);
        double[] thetas = new double[nll.thetaCount()];
        BoundedMinimizer.Minimum best = null;
        for (double m0 : startingMasses(nll)) {
            double[] start = {m0, ns0, Math.max(n - ns0, 1), bkg.x()[1]};
            BoundedMinimizer.Minimum m = minimizeCore(nll, start, thetas);
            if (best == null || m.value() < best.value()) {
                best = m;
            }
        }
        return best;
    }

    /** Minimum over mass, yields and slope with the thetas fixed; starts at {@code start[0..3]}. */
    private static BoundedMinimizer.Minimum minimizeCore(PeakNll nll, double[] start,
            double[] thetas) {
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                p -> nll.value(withThetas(p, thetas)),
                Arrays.copyOf(start, THETA),
                new double[] {nll.massMin, 0, 0, -nll.maxSlope()},
                new double[] {nll.massMax, nll.maxYield, nll.maxYield, nll.maxSlope()},
                new double[] {nll.sigma, nll.yieldScale(), nll.yieldScale(), nll.slopeScale()}));
    }

    /** Minimum over every parameter, the thetas included. */
    private static BoundedMinimizer.Minimum minimizeAll(PeakNll nll, double[] start) {
        int k = nll.thetaCount();
        double[] lower = withThetas(new double[] {nll.massMin, 0, 0, -nll.maxSlope()},
                filled(k, -THETA_LIMIT));
        double[] upper = withThetas(new double[] {nll.massMax, nll.maxYield, nll.maxYield,
            nll.maxSlope()}, filled(k, THETA_LIMIT));
        double[] scale = withThetas(new double[] {nll.sigma, nll.yieldScale(), nll.yieldScale(),
            nll.slopeScale()}, filled(k, 1));
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(nll::value, start, lower,
                upper, scale));
    }

    private static double[] startingMasses(PeakNll nll) {
        if (!Double.isNaN(nll.massStart)) {
            return new double[] {Math.min(Math.max(nll.massStart, nll.massMin), nll.massMax)};
        }
        double span = nll.massMax - nll.massMin;
        int points = (int) Math.min(MAX_SCAN_POINTS, Math.floor(span / nll.sigma) + 1);
        points = Math.max(points, 2);
        double[] starts = new double[points];
        for (int i = 0; i < points; i++) {
            starts[i] = nll.massMin + span * i / (points - 1);
        }
        return starts;
    }

    // ---- profile likelihood ----

    /** Bisection for the profile NLL crossing {@code target} between the best mass and a limit. */
    private static double crossing(PeakNll nll, double best, double limit, double target,
            DoubleUnaryOperator profile) {
        if (profile.applyAsDouble(limit) < target) {
            return limit;
        }
        double inside = best;
        double outside = limit;
        for (int i = 0; i < 40 && Math.abs(outside - inside) > 1e-6 * nll.sigma; i++) {
            double mid = 0.5 * (inside + outside);
            if (profile.applyAsDouble(mid) < target) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return 0.5 * (inside + outside);
    }

    /** Minimum over yields and slope at a fixed mass, thetas fixed. */
    private static double profileCore(PeakNll nll, double mass, double[] core, double[] thetas) {
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                p -> nll.value(withThetas(new double[] {mass, p[0], p[1], p[2]}, thetas)),
                core,
                new double[] {0, 0, -nll.maxSlope()},
                new double[] {nll.maxYield, nll.maxYield, nll.maxSlope()},
                new double[] {nll.yieldScale(), nll.yieldScale(), nll.slopeScale()})).value();
    }

    /** Minimum over yields, slope and thetas at a fixed mass. */
    private static double profileAll(PeakNll nll, double mass, double[] core, double[] thetas) {
        int k = thetas.length;
        ToDoubleFunction<double[]> f = p -> {
            double[] full = new double[THETA + k];
            full[MASS] = mass;
            System.arraycopy(p, 0, full, SIGNAL, p.length);
            return nll.value(full);
        };
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(f,
                withThetas(core, thetas),
                withThetas(new double[] {0, 0, -nll.maxSlope()}, filled(k, -THETA_LIMIT)),
                withThetas(new double[] {nll.maxYield, nll.maxYield, nll.maxSlope()},
                        filled(k, THETA_LIMIT)),
                withThetas(new double[] {nll.yieldScale(), nll.yieldScale(), nll.slopeScale()},
                        filled(k, 1)))).value();
    }

    private static double[] bestThetas(PeakFitResult best, PeakNll nll) {
        List<PeakShiftNuisance> fitted = best.nuisances().stream()
                .map(PeakFitResult.FittedNuisance::source).toList();
        if (!fitted.equals(nll.nuisanceList())) {
            throw new IllegalArgumentException("MassPeakFit: the fit result has nuisance"
                    + " parameters " + fitted + " but the options " + nll.nuisanceList()
                    + "; expected the options of that fit");
        }
        return best.nuisances().stream().mapToDouble(PeakFitResult.FittedNuisance::theta)
                .toArray();
    }

    // ---- results and parameter vectors ----

    private static PeakFitResult result(PeakNll nll, BoundedMinimizer.Minimum sb,
            BoundedMinimizer.Minimum stat, BoundedMinimizer.Minimum bkg) {
        double[] x = sb.x();
        double q0 = Math.max(0, 2 * (bkg.value() - sb.value()));
        double z = x[SIGNAL] > 0 ? Math.sqrt(q0) : 0;
        List<PeakFitResult.FittedNuisance> nuisances = new ArrayList<>();
        for (int k = 0; k < nll.thetaCount(); k++) {
            nuisances.add(new PeakFitResult.FittedNuisance(nll.nuisances[k], x[THETA + k],
                    sb.error(THETA + k)));
        }
        return new PeakFitResult(x[MASS], sb.error(MASS), x[SIGNAL], sb.error(SIGNAL),
                x[BACKGROUND], sb.error(BACKGROUND), x[SLOPE], sb.error(SLOPE), nll.sigma,
                nll.data.length, sb.value(), bkg.value(), q0, z,
                sb.converged() && stat.converged() && bkg.converged(), nll.shape.label(),
                nll.lo, nll.hi, stat.error(MASS), nuisances);
    }

    /** {@code head} followed by {@code thetas}. */
    private static double[] withThetas(double[] head, double[] thetas) {
        double[] p = Arrays.copyOf(head, head.length + thetas.length);
        System.arraycopy(thetas, 0, p, head.length, thetas.length);
        return p;
    }

    private static double[] thetasOf(double[] p) {
        return Arrays.copyOfRange(p, THETA, p.length);
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    // ---- validation ----

    private static double[] validate(double[] masses, FitOptions o) {
        if (masses == null) {
            throw new IllegalArgumentException("MassPeakFit: masses array is null");
        }
        if (o == null) {
            throw new IllegalArgumentException("MassPeakFit: options are null");
        }
        if (!(o.sigma() > 0) || !Double.isFinite(o.sigma())) {
            throw new IllegalArgumentException(
                    "MassPeakFit: sigma = " + o.sigma() + " GeV, expected a finite value > 0");
        }
        if (!Double.isFinite(o.lo()) || !Double.isFinite(o.hi()) || !(o.lo() < o.hi())) {
            throw new IllegalArgumentException("MassPeakFit: fit range [lo, hi) = [" + o.lo()
                    + ", " + o.hi() + ") GeV, expected finite lo < hi");
        }
        if (o.hi() - o.lo() <= 4 * o.sigma()) {
            throw new IllegalArgumentException("MassPeakFit: fit range [" + o.lo() + ", "
                    + o.hi() + ") GeV is not wider than 4 sigma = " + 4 * o.sigma()
                    + " GeV, so the mass limits [lo + 2 sigma, hi - 2 sigma] are empty");
        }
        if (o.background() == null) {
            throw new IllegalArgumentException("MassPeakFit: background shape is null,"
                    + " expected one of " + Arrays.toString(BackgroundShape.values()));
        }
        validateNuisances(o.nuisances());
        return inRange(masses, o);
    }

    private static void validateNuisances(List<PeakShiftNuisance> nuisances) {
        Set<String> names = new HashSet<>();
        for (int k = 0; k < nuisances.size(); k++) {
            PeakShiftNuisance n = nuisances.get(k);
            if (n == null) {
                throw new IllegalArgumentException("MassPeakFit: nuisance parameter " + k
                        + " is null, expected a PeakShiftNuisance");
            }
            if (!names.add(n.name())) {
                throw new IllegalArgumentException("MassPeakFit: nuisance parameter '"
                        + n.name() + "' appears twice in " + nuisances
                        + ", expected one per source");
            }
        }
    }

    private static double[] inRange(double[] masses, FitOptions o) {
        int count = 0;
        for (int i = 0; i < masses.length; i++) {
            if (Double.isNaN(masses[i])) {
                throw new IllegalArgumentException(
                        "MassPeakFit: masses[" + i + "] is NaN, expected a number in GeV");
            }
            if (masses[i] >= o.lo() && masses[i] < o.hi()) {
                count++;
            }
        }
        if (count < MIN_EVENTS) {
            throw new IllegalArgumentException("MassPeakFit: " + count + " events in [" + o.lo()
                    + ", " + o.hi() + ") GeV out of " + masses.length + ", expected at least "
                    + MIN_EVENTS);
        }
        double[] data = new double[count];
        int k = 0;
        for (double m : masses) {
            if (m >= o.lo() && m < o.hi()) {
                data[k++] = m;
            }
        }
        return data;
    }
}
