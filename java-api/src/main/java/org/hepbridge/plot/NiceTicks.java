package org.hepbridge.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Round tick positions (1, 2, 2.5 or 5 times a power of ten) and their labels. */
final class NiceTicks {

    private NiceTicks() {
    }

    /** A round step giving about {@code target} intervals over {@code span}. */
    static double step(double span, int target) {
        double raw = span / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The multiples of {@code step} within {@code [lo, hi]} (with a little tolerance). */
    static List<Double> ticks(double lo, double hi, double step) {
        List<Double> out = new ArrayList<>();
        double eps = step * 1e-9;
        for (long k = (long) Math.ceil((lo - eps) / step); k * step <= hi + eps; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** {@code hi} rounded up to a multiple of a round step, for axis ranges starting at 0. */
    static double niceCeil(double hi, int target) {
        if (!(hi > 0)) {
            return 1;
        }
        double step = step(hi, target);
        return Math.ceil(hi / step - 1e-9) * step;
    }

    /** A tick label with no more decimals than the step needs. */
    static String format(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }
}
