package org.hepbridge.stats;

import org.apache.commons.numbers.gamma.LogGamma;

/**
 * Negative log-likelihood of a {@link BinnedModel} for given main and auxiliary data.
 *
 * <p>Immutable and thread-safe. Returns {@code +Infinity} where a bin's expectation is negative,
 * or zero with observed events, since the Poisson term is undefined or infinite there.
 */
final class BinnedLikelihood {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final BinnedModel model;
    private final double[] main;
    private final double[] aux;
    private final double constant;

    BinnedLikelihood(BinnedModel model, double[] main, double[] aux) {
        this.model = model;
        this.main = main.clone();
        this.aux = aux.clone();
        double c = aux.length * HALF_LOG_TWO_PI;
        for (double n : main) {
            c += LogGamma.value(n + 1);
        }
        this.constant = c;
    }

    /** Observed data with nominal auxiliary measurements (all 0). */
    static BinnedLikelihood observed(BinnedModel model) {
        double[] aux = new double[model.parameterCount() - 1];
        return new BinnedLikelihood(model, model.observed(), aux);
    }

    BinnedModel model() {
        return model;
    }

    double value(double[] params) {
        double[] lambda = model.expected(params);
        double sum = constant;
        for (int b = 0; b < lambda.length; b++) {
            double l = lambda[b];
            double n = main[b];
            if (l < 0 || (l == 0 && n > 0) || Double.isNaN(l)) {
                return Double.POSITIVE_INFINITY;
            }
            sum += l - (n == 0 ? 0 : n * Math.log(l));
        }
        for (int k = 0; k < aux.length; k++) {
            double d = params[k + 1] - aux[k];
            sum += 0.5 * d * d;
        }
        return sum;
    }
}
