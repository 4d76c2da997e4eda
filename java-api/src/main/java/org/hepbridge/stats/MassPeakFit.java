package org.hepbridge.stats;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Extended unbinned maximum-likelihood fit of a Gaussian peak of fixed width on a smooth
 * background.
 *
 * <p>Stateless and thread-safe; the input array is read, never kept or modified. The model density
 * on [lo, hi) is {@code N_s G(m; M, sigma) + N_b B(m; slope)} with G a Gaussian normalised over the
 * range and B a {@link BackgroundShape}; the fitted parameters are the mass M (limited to
 * [lo + 2 sigma, hi - 2 sigma]), N_s &gt;= 0, N_b &gt;= 0 and the slope. The negative
 * log-likelihood is {@code N_s + N_b - sum_i log(density(m_i))}. Several starting masses are tried
 * so the global minimum is found; the background-only fit (N_s = 0) gives the test statistic q0.
 */
public final class MassPeakFit {

    /** Fewest events inside the range that a fit accepts. */
    public static final int MIN_EVENTS = 10;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final int MAX_SCAN_POINTS = 60;
    private static final int MASS = 0;
    private static final int SIGNAL = 1;
    private static final int BACKGROUND = 2;
    private static final int SLOPE = 3;

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
     *     narrower than 4 sigma, or fewer than {@link #MIN_EVENTS} events in range
     */
    public static PeakFitResult fit(double[] masses, FitOptions options) {
        double[] data = validate(masses, options);
        PeakNll nll = new PeakNll(data, options);
        BoundedMinimizer.Minimum bkg = fitBackgroundOnly(nll);
        BoundedMinimizer.Minimum best = fitSignalPlusBackground(nll, bkg);
        return result(nll, best, bkg);
    }

    /**
     * Background-only fit (N_s = 0): returns a result whose signal yield is 0 and whose mass is
     * NaN; useful to inspect the null hypothesis on its own.
     */
    public static PeakFitResult fitBackgroundOnly(double[] masses, FitOptions options) {
        double[] data = validate(masses, options);
        PeakNll nll = new PeakNll(data, options);
        BoundedMinimizer.Minimum bkg = fitBackgroundOnly(nll);
        return new PeakFitResult(Double.NaN, Double.NaN, 0, Double.NaN, bkg.x()[0],
                bkg.error(0), bkg.x()[1], bkg.error(1), options.sigma(), data.length,
                Double.NaN, bkg.value(), 0, 0, bkg.converged(), options.background().label(),
                options.lo(), options.hi());
    }

    /**
     * Profile-likelihood (MINOS-like) 68% interval on the mass: the masses either side of the best
     * fit where the negative log-likelihood, minimised over the other parameters, rises by 0.5.
     * An end that does not cross inside the allowed mass range is reported as that range's limit.
     *
     * @return {@code {lower, upper}}
     */
    public static double[] profileMassInterval(double[] masses, FitOptions options,
            PeakFitResult best) {
        double[] data = validate(masses, options);
        PeakNll nll = new PeakNll(data, options);
        double target = best.nllSignalPlusBackground() + 0.5;
        double[] start = {best.signalYield(), best.backgroundYield(), best.backgroundSlope()};
        double lower = crossing(nll, best.mass(), nll.massMin, target, start);
        double upper = crossing(nll, best.mass(), nll.massMax, target, start);
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

    private static double gaussianMass(double mean, double sigma, double lo, double hi) {
        return STANDARD_NORMAL.survivalProbability((lo - mean) / sigma)
                - STANDARD_NORMAL.survivalProbability((hi - mean) / sigma);
    }

    // ---- fits ----

    private static BoundedMinimizer.Minimum fitBackgroundOnly(PeakNll nll) {
        int n = nll.data.length;
        double maxSlope = nll.shape.maxAbsSlope(nll.lo, nll.hi);
        double yieldScale = Math.sqrt(n) + 1;
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                p -> nll.value(Double.NaN, 0, p[0], p[1]),
                new double[] {n, 0},
                new double[] {0, -maxSlope},
                new double[] {nll.maxYield, maxSlope},
                new double[] {yieldScale, 1 / (nll.hi - nll.lo)}));
    }

    private static BoundedMinimizer.Minimum fitSignalPlusBackground(PeakNll nll,
            BoundedMinimizer.Minimum bkg) {
        BoundedMinimizer.Minimum best = null;
        for (double m0 : startingMasses(nll)) {
            BoundedMinimizer.Minimum m = minimizeFrom(nll, m0, bkg);
            if (best == null || m.value() < best.value()) {
                best = m;
            }
        }
        return best;
    }

    private static BoundedMinimizer.Minimum minimizeFrom(PeakNll nll, double m0,
            BoundedMinimizer.Minimum bkg) {
        int n = nll.data.length;
        double maxSlope = nll.shape.maxAbsSlope(nll.lo, nll.hi);
        double yieldScale = Math.sqrt(n) + 1;
        double ns0 = Math.min(Math.sqrt(n), 0.5 * n);
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                p -> nll.value(p[MASS], p[SIGNAL], p[BACKGROUND], p[SLOPE]),
                new double[] {m0, ns0, Math.max(n - ns0, 1), bkg.x()[1]},
                new double[] {nll.massMin, 0, 0, -maxSlope},
                new double[] {nll.massMax, nll.maxYield, nll.maxYield, maxSlope},
                new double[] {nll.sigma, yieldScale, yieldScale, 1 / (nll.hi - nll.lo)}));
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

    /** Bisection for the profile NLL crossing {@code target} between the best mass and a limit. */
    private static double crossing(PeakNll nll, double best, double limit, double target,
            double[] start) {
        if (profile(nll, limit, start) < target) {
            return limit;
        }
        double inside = best;
        double outside = limit;
        for (int i = 0; i < 40 && Math.abs(outside - inside) > 1e-6 * nll.sigma; i++) {
            double mid = 0.5 * (inside + outside);
            if (profile(nll, mid, start) < target) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return 0.5 * (inside + outside);
    }

    private static double profile(PeakNll nll, double mass, double[] start) {
        double maxSlope = nll.shape.maxAbsSlope(nll.lo, nll.hi);
        double yieldScale = Math.sqrt(nll.data.length) + 1;
        return BoundedMinimizer.minimize(new BoundedMinimizer.Problem(
                p -> nll.value(mass, p[0], p[1], p[2]),
                start,
                new double[] {0, 0, -maxSlope},
                new double[] {nll.maxYield, nll.maxYield, maxSlope},
                new double[] {yieldScale, yieldScale, 1 / (nll.hi - nll.lo)})).value();
    }

    private static PeakFitResult result(PeakNll nll, BoundedMinimizer.Minimum sb,
            BoundedMinimizer.Minimum bkg) {
        double[] x = sb.x();
        double q0 = Math.max(0, 2 * (bkg.value() - sb.value()));
        double z = x[SIGNAL] > 0 ? Math.sqrt(q0) : 0;
        return new PeakFitResult(x[MASS], sb.error(MASS), x[SIGNAL], sb.error(SIGNAL),
                x[BACKGROUND], sb.error(BACKGROUND), x[SLOPE], sb.error(SLOPE), nll.sigma,
                nll.data.length, sb.value(), bkg.value(), q0, z,
                sb.converged() && bkg.converged(), nll.shape.label(), nll.lo, nll.hi);
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
        return inRange(masses, o);
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

    /** The extended negative log-likelihood over the events in range. */
    private static final class PeakNll {
        final double[] data;
        final double lo;
        final double hi;
        final double sigma;
        final double massMin;
        final double massMax;
        final double massStart;
        final double maxYield;
        final BackgroundShape shape;

        PeakNll(double[] data, FitOptions o) {
            this.data = data;
            this.lo = o.lo();
            this.hi = o.hi();
            this.sigma = o.sigma();
            this.massMin = lo + 2 * sigma;
            this.massMax = hi - 2 * sigma;
            this.massStart = o.massStart();
            this.maxYield = 10.0 * data.length + 100;
            this.shape = o.background();
        }

        /** NLL; a NaN mass means no signal term. +Infinity where the density is not positive. */
        double value(double mass, double ns, double nb, double slope) {
            double sum = ns + nb;
            // Signal normalisation once per call: the erfc behind it dominates otherwise.
            double peak = ns == 0 ? 0
                    : ns / (Math.sqrt(2 * Math.PI) * sigma * gaussianMass(mass, sigma, lo, hi));
            for (double m : data) {
                double d = nb * shape.density(m, slope, lo, hi);
                if (peak != 0) {
                    double z = (m - mass) / sigma;
                    d += peak * Math.exp(-0.5 * z * z);
                }
                if (!(d > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                sum -= Math.log(d);
            }
            return sum;
        }
    }
}
