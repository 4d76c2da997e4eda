package org.hepbridge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

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

    // ---- peak-shift nuisance parameters ----
    //
    // The thetas only move the peak, so NLL(M, theta) = F(M + shift(theta)) + theta^2 / 2 with
    // F the NLL without nuisances (other parameters left out of the notation). For any point,
    // (M + shift(theta), 0) has the same F and a smaller constraint: the minimum sits at
    // theta = 0 with the mass of the plain fit, and q0 is unchanged. Writing c = M + a theta
    // for a symmetric shift +-a, the Hessian in (c, theta) is that of F plus 1 for theta, so
    // var(M) = var(c) + a^2 var(theta) = stat^2 + a^2 and var(theta) = 1.

    private static final double[] PEAK =
            MassPeakFitTest.peakOnExponential(20250611L, 500, 0.025, 60, 124.6, 2.0, 80, 170);

    private static PeakFitResult withNuisances(PeakShiftNuisance... nuisances) {
        return MassPeakFit.fit(PEAK, FitOptions.of(80, 170, 2.0).withNuisances(List.of(nuisances)));
    }

    @Test
    void zeroShiftsReproduceThePlainFit() {
        PeakFitResult plain = MassPeakFit.fit(PEAK, FitOptions.of(80, 170, 2.0));
        PeakFitResult r = withNuisances(new PeakShiftNuisance("EG_SCALE", 0, 0),
                PeakShiftNuisance.symmetric("MUON_SCALE", 1e-4));

        assertTrue(r.converged());
        assertEquals(plain.mass(), r.mass(), 1e-4 * plain.massError());
        assertEquals(plain.signalYield(), r.signalYield(), 1e-4 * plain.signalYieldError());
        assertEquals(plain.backgroundYield(), r.backgroundYield(),
                1e-4 * plain.backgroundYieldError());
        assertEquals(plain.q0(), r.q0(), 1e-6);
        // sqrt(stat^2 + 1e-8) differs from stat by 1e-8 / (2 stat), about 1e-8 GeV here.
        assertEquals(plain.massError(), r.massError(), 1e-4 * plain.massError());
        assertEquals(plain.massError(), r.massStatError(), 1e-4 * plain.massError());
        for (PeakFitResult.FittedNuisance n : r.nuisances()) {
            assertEquals(0, n.theta(), 1e-6, n.source().name());
            assertEquals(1, n.thetaError(), 1e-4, n.source().name());
        }
    }

    @Test
    void oneSymmetricShiftAddsInQuadrature() {
        PeakFitResult plain = MassPeakFit.fit(PEAK, FitOptions.of(80, 170, 2.0));
        double delta = 0.4;
        PeakFitResult r = withNuisances(PeakShiftNuisance.symmetric("EG_SCALE", delta));

        assertTrue(r.converged());
        assertEquals(plain.mass(), r.mass(), 1e-3 * plain.massError(), "theta pulls nothing");
        assertEquals(plain.q0(), r.q0(), 1e-6 * plain.q0());
        assertEquals(0, r.nuisances().get(0).theta(), 1e-3);
        assertEquals(1, r.nuisances().get(0).thetaError(), 1e-3);
        assertEquals(plain.massError(), r.massStatError(), 1e-3 * plain.massError());
        assertEquals(Math.hypot(r.massStatError(), delta), r.massError(), 1e-3 * r.massError());
        assertEquals(delta, r.massSystError(), 1e-2 * delta);
    }

    @Test
    void oneAsymmetricShiftAveragesTheTwoSidesOfTheKink() {
        // Shifts +0.5 (theta = +1) and -0.2 (theta = -1): slopes s+ = 0.5 and s- = 0.2 of the
        // shift on either side of 0, with mean a = 0.35 and half-difference b = 0.15. The
        // central differences straddle the kink at the minimum, so the Hessian is that of a
        // symmetric shift a with b^2 F'' added to the theta-theta element (F'' the curvature in
        // M alone). In c = M + a theta: var(theta) = 1 / (1 + b^2 F''), c uncorrelated with
        // theta, and var(M) = stat^2 + a^2 var(theta). F'' is 1 / stat^2 up to the small
        // correlation of the mass with the yields and the slope, hence 1e-2 there.
        double a = 0.35;
        double b = 0.15;
        PeakFitResult r = withNuisances(new PeakShiftNuisance("EG_SCALE", 0.5, -0.2));

        assertTrue(r.converged());
        double stat = r.massStatError();
        double thetaError = r.nuisances().get(0).thetaError();
        assertEquals(1 / Math.sqrt(1 + b * b / (stat * stat)), thetaError, 1e-2 * thetaError);
        assertEquals(Math.sqrt(stat * stat + a * a * thetaError * thetaError), r.massError(),
                1e-3 * r.massError());
    }

    @Test
    void badNuisancesAreRefusedNamingThem() {
        assertEquals("PeakShiftNuisance EG_SCALE: shifts up = NaN, down = -0.1 GeV, expected"
                + " finite values", assertThrows(IllegalArgumentException.class,
                    () -> new PeakShiftNuisance("EG_SCALE", Double.NaN, -0.1)).getMessage());
        assertEquals("PeakShiftNuisance: name is  , expected a non-blank source name",
                assertThrows(IllegalArgumentException.class,
                    () -> new PeakShiftNuisance(" ", 0.1, -0.1)).getMessage());
        PeakShiftNuisance eg = PeakShiftNuisance.symmetric("EG_SCALE", 0.1);
        FitOptions twice = FitOptions.of(80, 170, 2.0).withNuisances(List.of(eg, eg));
        assertEquals("MassPeakFit: nuisance parameter 'EG_SCALE' appears twice in"
                + " [PeakShiftNuisance[name=EG_SCALE, shiftUp=0.1, shiftDown=-0.1],"
                + " PeakShiftNuisance[name=EG_SCALE, shiftUp=0.1, shiftDown=-0.1]], expected one"
                + " per source", message(PEAK, twice));
        FitOptions withNull = FitOptions.of(80, 170, 2.0)
                .withNuisances(Arrays.asList(eg, null));
        assertEquals("MassPeakFit: nuisance parameter 1 is null, expected a PeakShiftNuisance",
                message(PEAK, withNull));

        FitOptions plain = FitOptions.of(80, 170, 2.0);
        PeakFitResult plainFit = MassPeakFit.fit(PEAK, plain);
        assertEquals("MassPeakFit: the fit result has nuisance parameters [] but the options"
                + " [PeakShiftNuisance[name=EG_SCALE, shiftUp=0.1, shiftDown=-0.1]]; expected the"
                + " options of that fit", assertThrows(IllegalArgumentException.class,
                    () -> MassPeakFit.profileMassInterval(PEAK, plain.withNuisances(List.of(eg)),
                            plainFit)).getMessage());
    }

    @Test
    void shiftInterpolatesPiecewiseLinearly() {
        PeakShiftNuisance n = new PeakShiftNuisance("EG_SCALE", 0.16, -0.08);
        assertEquals(0.16, n.shift(1), 1e-15);
        assertEquals(-0.08, n.shift(-1), 1e-15);
        assertEquals(0.32, n.shift(2), 1e-15);
        assertEquals(-0.04, n.shift(-0.5), 1e-15);
        assertEquals(0, n.shift(0), 0);
    }
}
