package org.hepbridge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MassPeakFitTest {

    @TempDir
    Path tmp;

    /** Exponential background of slope c on [lo, hi) plus a Gaussian peak, fixed seed. */
    static double[] peakOnExponential(long seed, int nb, double c, int ns, double mean,
            double sigma, double lo, double hi) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] m = new double[nb + ns];
        double w = hi - lo;
        for (int i = 0; i < nb; i++) {
            // Inverse CDF of c exp(-c x) / (1 - exp(-c w)) on [0, w).
            m[i] = lo - Math.log(1 - rng.nextDouble() * (1 - Math.exp(-c * w))) / c;
        }
        for (int i = 0; i < ns; i++) {
            m[nb + i] = mean + sigma * gaussian(rng);
        }
        return m;
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private JsonNode oracle(double[] masses, FitOptions o, double massStart)
            throws IOException, InterruptedException {
        Path file = tmp.resolve("masses.txt");
        Files.writeString(file, Arrays.stream(masses).mapToObj(Double::toString)
                .collect(Collectors.joining("\n")));
        return PythonOracle.run("mass_peak_fit_oracle.py", file.toString(),
                Double.toString(o.lo()), Double.toString(o.hi()), Double.toString(o.sigma()),
                o.background().label(), Double.toString(massStart));
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    private static void assertAgrees(JsonNode py, PeakFitResult r) {
        assertTrue(py.get("valid").asBoolean(), "iminuit fit not valid: " + py);
        assertTrue(r.converged(), "Java fit did not converge: " + r);
        assertEquals(py.get("events").asInt(), r.eventsInRange());
        assertRelative(py.get("mass").asDouble(), r.mass(), 1e-3, "mass");
        assertRelative(py.get("ns").asDouble(), r.signalYield(), 1e-3, "signal yield");
        assertRelative(py.get("nb").asDouble(), r.backgroundYield(), 1e-3, "background yield");
        assertRelative(py.get("slope").asDouble(), r.backgroundSlope(), 1e-3, "slope");
        assertRelative(py.get("mass_error").asDouble(), r.massError(), 1e-2, "mass error");
        assertRelative(py.get("ns_error").asDouble(), r.signalYieldError(), 1e-2, "Ns error");
        assertRelative(py.get("nb_error").asDouble(), r.backgroundYieldError(), 1e-2,
                "Nb error");
        assertRelative(py.get("slope_error").asDouble(), r.backgroundSlopeError(), 1e-2,
                "slope error");
        double q0 = 2 * (py.get("nll_b").asDouble() - py.get("nll_sb").asDouble());
        assertEquals(q0, r.q0(), 1e-3 * q0, "q0");
    }

    @Test
    void exponentialBackgroundAgreesWithIminuit() throws Exception {
        double[] m = peakOnExponential(20250611L, 500, 0.025, 60, 124.6, 2.0, 80, 170);
        FitOptions o = FitOptions.of(80, 170, 2.0);
        PeakFitResult r = MassPeakFit.fit(m, o);
        JsonNode py = oracle(m, o, 125.0);
        assertAgrees(py, r);
        double[] interval = MassPeakFit.profileMassInterval(m, o, r);
        assertEquals(py.get("mass_minos").get(0).asDouble(), interval[0], 2e-3, "MINOS low");
        assertEquals(py.get("mass_minos").get(1).asDouble(), interval[1], 2e-3, "MINOS high");
    }

    @Test
    void linearBackgroundAgreesWithIminuit() throws Exception {
        // Rising linear background by rejection (density ~ 1 + 0.015 (m - 125)) plus a peak.
        SplittableRandom rng = new SplittableRandom(7);
        double[] m = new double[700];
        int k = 0;
        while (k < 620) {
            double x = 80 + 90 * rng.nextDouble();
            if (rng.nextDouble() * 1.7 < 1 + 0.015 * (x - 125)) {
                m[k++] = x;
            }
        }
        for (; k < m.length; k++) {
            m[k] = 140.0 + 3.0 * gaussian(rng);
        }
        FitOptions o = FitOptions.of(80, 170, 3.0).withBackground(BackgroundShape.LINEAR);
        PeakFitResult r = MassPeakFit.fit(m, o);
        assertEquals("linear", r.backgroundShape());
        assertAgrees(oracle(m, o, 141.0), r);
    }
}
