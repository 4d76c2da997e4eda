package org.hepbridge.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hepbridge.testing.PythonOracle;
import org.junit.jupiter.api.Test;

class PoissonIntervalTest {

    /**
     * The usual 68.27 % Garwood table (as printed, for example, in ROOT's kPoisson error
     * documentation), 3 decimals: lower = chi2.ppf(0.15866, 2n) / 2, upper =
     * chi2.ppf(0.84134, 2n + 2) / 2.
     */
    @Test
    void matchesThePublishedOneSigmaTable() {
        double[][] table = {
            {0, 0.000, 1.841}, {1, 0.173, 3.300}, {2, 0.708, 4.638}, {3, 1.367, 5.918},
            {4, 2.086, 7.163}, {5, 2.840, 8.382}, {10, 6.891, 14.267},
        };
        for (double[] row : table) {
            double[] ci = PoissonInterval.garwood(row[0]);
            assertArrayEquals(new double[] {row[1], row[2]}, ci, 5e-4, "n = " + row[0]);
        }
    }

    @Test
    void matchesScipyChiSquareQuantiles() throws Exception {
        List<String> counts = List.of("0", "1", "2", "7", "25", "100", "1000", "2.5");
        for (double coverage : new double[] {PoissonInterval.ONE_SIGMA, 0.95}) {
            String[] args = new String[counts.size() + 1];
            args[0] = Double.toString(coverage);
            for (int i = 0; i < counts.size(); i++) {
                args[i + 1] = counts.get(i);
            }
            String[] lines = PythonOracle.run(PythonOracle.script("hist/garwood_oracle.py"),
                    args).strip().split("\n");
            assertEquals(counts.size(), lines.length);
            for (String line : lines) {
                String[] f = line.split(" ");
                double[] ci = PoissonInterval.garwood(Double.parseDouble(f[0]), coverage);
                double lo = Double.parseDouble(f[1]);
                double hi = Double.parseDouble(f[2]);
                assertEquals(lo, ci[0], 1e-9 * Math.max(1, lo), line);
                assertEquals(hi, ci[1], 1e-9 * hi, line);
            }
        }
    }

    @Test
    void rejectsNegativeCountsAndBadCoverage() {
        var e = assertThrows(IllegalArgumentException.class, () -> PoissonInterval.garwood(-1));
        assertEquals("PoissonInterval: event count must be finite and >= 0, got -1.0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PoissonInterval.garwood(1, 1));
        assertEquals("PoissonInterval: coverage must be in (0, 1), got 1.0", e.getMessage());
    }
}
