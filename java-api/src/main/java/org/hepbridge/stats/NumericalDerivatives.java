package org.hepbridge.stats;

import java.util.function.ToDoubleFunction;

/**
 * Finite-difference gradient and Hessian of a scalar function that respects box bounds.
 *
 * <p>Stateless and thread-safe. A parameter closer to one of its bounds than twice its step is
 * differentiated one-sidedly (second-order three-point formula pointing into the box), so the
 * function is never evaluated outside the bounds; all others use central differences. The Hessian
 * is the finite difference of the gradient, symmetrised.
 */
final class NumericalDerivatives {

    private NumericalDerivatives() {
    }

    /** Direction of the difference formula per parameter: -1 backward, 0 central, +1 forward. */
    static int[] directions(double[] x, double[] step, double[] lower, double[] upper) {
        int[] dir = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] - 2 * step[i] < lower[i]) {
                dir[i] = 1;
            } else if (x[i] + 2 * step[i] > upper[i]) {
                dir[i] = -1;
            }
        }
        return dir;
    }

    static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double[] step, int[] dir) {
        double f0 = Double.NaN;
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (dir[i] == 0) {
                g[i] = (at(f, x, i, step[i]) - at(f, x, i, -step[i])) / (2 * step[i]);
            } else {
                if (Double.isNaN(f0)) {
                    f0 = f.applyAsDouble(x);
                }
                double h = dir[i] * step[i];
                g[i] = (-3 * f0 + 4 * at(f, x, i, h) - at(f, x, i, 2 * h)) / (2 * h);
            }
        }
        return g;
    }

    static double[][] hessian(ToDoubleFunction<double[]> f, double[] x, double[] step, int[] dir) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] g0 = null;
        for (int j = 0; j < n; j++) {
            double[] column;
            if (dir[j] == 0) {
                double[] gp = gradient(f, shifted(x, j, step[j]), step, dir);
                double[] gm = gradient(f, shifted(x, j, -step[j]), step, dir);
                column = combine(gp, 1, gm, -1, 0, null, 2 * step[j]);
            } else {
                if (g0 == null) {
                    g0 = gradient(f, x, step, dir);
                }
                double d = dir[j] * step[j];
                double[] g1 = gradient(f, shifted(x, j, d), step, dir);
                double[] g2 = gradient(f, shifted(x, j, 2 * d), step, dir);
                column = combine(g1, 4, g2, -1, -3, g0, 2 * d);
            }
            for (int i = 0; i < n; i++) {
                h[i][j] = column[i];
            }
        }
        symmetrise(h);
        return h;
    }

    /** Diagonal second derivatives only, cheap, used to size the steps. */
    static double[] curvature(ToDoubleFunction<double[]> f, double[] x, double[] step, int[] dir) {
        double f0 = f.applyAsDouble(x);
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = step[i];
            if (dir[i] == 0) {
                c[i] = (at(f, x, i, h) - 2 * f0 + at(f, x, i, -h)) / (h * h);
            } else {
                double d = dir[i] * h;
                c[i] = (at(f, x, i, 2 * d) - 2 * at(f, x, i, d) + f0) / (h * h);
            }
        }
        return c;
    }

    private static double[] combine(double[] a, double ca, double[] b, double cb, double cc,
            double[] c, double denominator) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double v = ca * a[i] + cb * b[i] + (c == null ? 0 : cc * c[i]);
            out[i] = v / denominator;
        }
        return out;
    }

    private static void symmetrise(double[][] h) {
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = mean;
                h[j][i] = mean;
            }
        }
    }

    private static double at(ToDoubleFunction<double[]> f, double[] x, int i, double delta) {
        return f.applyAsDouble(shifted(x, i, delta));
    }

    private static double[] shifted(double[] x, int i, double delta) {
        double[] y = x.clone();
        y[i] += delta;
        return y;
    }
}
