package org.hepbridge.stats;

import java.util.List;

import org.hepbridge.hist.Histogram;

/**
 * One region of a {@link BinnedModel}: observed counts per bin and the samples predicting them.
 *
 * <p>Immutable: the counts are copied on construction and on access. Counts need not be integers
 * (an Asimov dataset is not); the Poisson term uses the continuous extension with lgamma.
 */
public record Channel(String name, double[] observed, List<Sample> samples, double[] edges) {

    /** {@code edges} is null when the counts carry no binning (a plain array). */
    public Channel {
        observed = observed == null ? null : observed.clone();
        samples = samples == null ? null : List.copyOf(samples);
        edges = edges == null ? null : edges.clone();
    }

    /** A channel whose counts are a plain array (no bin edges to check). */
    public Channel(String name, double[] observed, List<Sample> samples) {
        this(name, observed, samples, null);
    }

    /**
     * A channel from a 1-D histogram of observed counts (flow bins ignored); samples built from
     * histograms must then have the same bin edges.
     */
    public static Channel of(String name, Histogram observed, List<Sample> samples) {
        return new Channel(name, Templates.values(name, observed), samples,
                Templates.edges(observed));
    }

    @Override
    public double[] edges() {
        return edges == null ? null : edges.clone();
    }

    @Override
    public double[] observed() {
        return observed == null ? null : observed.clone();
    }

    int bins() {
        return observed.length;
    }
}
