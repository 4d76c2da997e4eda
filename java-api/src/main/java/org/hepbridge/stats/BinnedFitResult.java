package org.hepbridge.stats;

import java.util.List;

/**
 * Outcome of a {@link BinnedFit}: maximum-likelihood estimates, the profile-likelihood interval
 * on the signal strength, and discovery significances.
 *
 * <p>Immutable: arrays are copied on access. {@code values} and {@code errors} follow
 * {@code parameterNames} (mu first); errors come from the inverse numerical Hessian.
 * {@code muLow}/{@code muHigh} are where {@code 2 (NLL_profile(mu) - NLL_min)} crosses 1; an end
 * that does not cross inside mu's bounds is reported as that bound. {@code q0} is the discovery
 * test statistic {@code 2 (NLL_profile(0) - NLL_min)} (0 when mu-hat &lt;= 0), observed
 * significance {@code sqrt(q0)}; the expected ones use the Asimov dataset at mu = 1 with nuisance
 * parameters fitted to the data at mu = 1 (main and auxiliary data, as pyhf builds it).
 */
public record BinnedFitResult(List<String> parameterNames, double[] values, double[] errors,
        double muHat, double muError, double muLow, double muHigh, double nllMin, double q0,
        double observedSignificance, double q0Expected, double expectedSignificance,
        boolean converged) {

    public BinnedFitResult {
        parameterNames = List.copyOf(parameterNames);
        values = values.clone();
        errors = errors.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    /** Best-fit value of the named parameter. */
    public double value(String parameter) {
        return values[indexOf(parameter)];
    }

    private int indexOf(String parameter) {
        int i = parameterNames.indexOf(parameter);
        if (i < 0) {
            throw new IllegalArgumentException("BinnedFitResult: no parameter '" + parameter
                    + "'; parameters are " + parameterNames);
        }
        return i;
    }
}
