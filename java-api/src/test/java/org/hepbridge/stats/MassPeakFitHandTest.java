package org.hepbridge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Cases whose maximum-likelihood answer is known in closed form or by a one-line equation. */
class MassPeakFitHandTest {

    @Test
    void backgroundOnlySlopeSolvesTheTruncatedExponentialEquation() {
        double lo = 100;
        double hi = 160;
        double[] m = MassPeakFitTest.peakOnExponential(11, 800, 0.04, 0, 0, 1, lo, hi);
        PeakFitResult r = MassPeakFit.fitBackgroundOnly(m, FitOptions.of(lo, hi, 2.0));

        // Extended MLE: N_b = N. For the density c exp(-c x) / (1 - exp(-c W)) on x in [0, W)
        // d/dc of the log-likelihood vanishes where mean(x) = 1/c - W / (exp(c W) - 1); the
        // right-hand side falls monotonically in c, so bisection finds the root.
        double w = hi - lo;
        double xbar = Arrays.stream(m).map(v -> v - lo).average().orElseThrow();
        double a = 1e-6;
        double b = 1.0;
        for (int i = 0; i < 200; i++) {
            double c = 0.5 * (a + b);
            double rhs = 1 / c - w / Math.expm1(c * w);
            if (rhs > xbar) {
                a = c;
            } else {
                b = c;
            }
        }
        assertEquals(0.5 * (a + b), r.backgroundSlope(), 1e-6 * 0.04);
        assertEquals(800, r.backgroundYield(), 1e-4);
        // Poisson error on the yield: sqrt(N).
        assertEquals(Math.sqrt(800), r.backgroundYieldError(), 1e-3 * Math.sqrt(800));
        assertTrue(r.converged());
    }

    @Test
    void signalOnlyMeanIsTheSampleMean() {
        // 400 Gaussian quantiles (sigma 2 around 125) plus a deterministic asymmetric wobble.
        // They span +-3 sigma only, so the background yield sits at its bound 0 and the fit is a
        // pure Gaussian of known width, whose mean MLE is the sample mean and yield N; the
        // truncation of the Gaussian at [60, 190) changes nothing at double precision.
        NormalDistribution std = NormalDistribution.of(0, 1);
        int n = 400;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 125 + 2 * std.inverseCumulativeProbability((i + 0.5) / n)
                    + 0.3 * Math.sin(i) + 0.05;
        }
        PeakFitResult r = MassPeakFit.fit(m, FitOptions.of(60, 190, 2.0));
        double mean = Arrays.stream(m).average().orElseThrow();
        assertEquals(mean, r.mass(), 1e-6);
        assertEquals(n, r.signalYield(), 1e-3);
        assertEquals(0, r.backgroundYield(), 1e-6);
        // With the background pinned at 0: error of a Gaussian mean, sigma / sqrt(N).
        assertEquals(2 / Math.sqrt(n), r.massError(), 1e-3 * 2 / Math.sqrt(n));
        assertTrue(r.localSignificance() > 10, "Z = " + r.localSignificance());
    }

    private static double[] uniform(int n, double lo, double hi) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = lo + (hi - lo) * (i + 0.5) / n;
        }
        return m;
    }

    private static String message(double[] m, FitOptions o) {
        return assertThrows(IllegalArgumentException.class, () -> MassPeakFit.fit(m, o))
                .getMessage();
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        double[] ok = uniform(50, 100, 150);
        assertEquals("MassPeakFit: sigma = 0.0 GeV, expected a finite value > 0",
                message(ok, FitOptions.of(100, 150, 0)));
        assertEquals("MassPeakFit: sigma = -1.5 GeV, expected a finite value > 0",
                message(ok, FitOptions.of(100, 150, -1.5)));
        assertEquals("MassPeakFit: sigma = NaN GeV, expected a finite value > 0",
                message(ok, FitOptions.of(100, 150, Double.NaN)));
        assertEquals("MassPeakFit: fit range [lo, hi) = [150.0, 100.0) GeV, expected finite"
                + " lo < hi", message(ok, FitOptions.of(150, 100, 2)));
        assertEquals("MassPeakFit: fit range [lo, hi) = [100.0, 100.0) GeV, expected finite"
                + " lo < hi", message(ok, FitOptions.of(100, 100, 2)));
        assertEquals("MassPeakFit: fit range [100.0, 107.0) GeV is not wider than 4 sigma ="
                + " 8.0 GeV, so the mass limits [lo + 2 sigma, hi - 2 sigma] are empty",
                message(ok, FitOptions.of(100, 107, 2)));
        assertEquals("MassPeakFit: 8 events in [100.0, 150.0) GeV out of 12, expected at least"
                + " 10", message(uniform(12, 80, 155), FitOptions.of(100, 150, 2)));
        double[] withNaN = ok.clone();
        withNaN[17] = Double.NaN;
        assertEquals("MassPeakFit: masses[17] is NaN, expected a number in GeV",
                message(withNaN, FitOptions.of(100, 150, 2)));
        assertEquals("MassPeakFit: masses array is null",
                message(null, FitOptions.of(100, 150, 2)));
    }
}
