package org.hepbridge.stats;

import java.util.List;

/**
 * One region of a {@link BinnedModel}: observed counts per bin and the samples predicting them.
 *
 * <p>Immutable: the counts are copied on construction and on access. Counts need not be integers
 * (an Asimov dataset is not); the Poisson term uses the continuous extension with lgamma.
 */
public record Channel(String name, double[] observed, List<Sample> samples) {

    public Channel {
        observed = observed == null ? null : observed.clone();
        samples = samples == null ? null : List.copyOf(samples);
    }

    @Override
    public double[] observed() {
        return observed == null ? null : observed.clone();
    }

    int bins() {
        return observed.length;
    }
}
