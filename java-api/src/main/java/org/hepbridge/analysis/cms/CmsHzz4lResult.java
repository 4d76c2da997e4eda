package org.hepbridge.analysis.cms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hepbridge.stats.BinnedFitResult;

/**
 * Outcome of {@link CmsHzz4lAnalysis#run}: event counts, the observed m4l histogram with its
 * edges, the expected yields per sample, and the signal-strength fit.
 *
 * <p>Immutable: arrays are copied on access. {@code observed} has the in-range bins only;
 * {@code underflow}/{@code overflow} count the events below 70 GeV and at or above 181 GeV.
 */
public record CmsHzz4lResult(Map<String, Integer> rowsPerFile, int totalRows, double[] edges,
        double[] observed, double underflow, double overflow, Map<String, double[]> expected,
        BinnedFitResult fit) {

    public CmsHzz4lResult {
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
        edges = edges.clone();
        observed = observed.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        expected.forEach((k, v) -> copy.put(k, v.clone()));
        expected = Collections.unmodifiableMap(copy);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    /** Events inside [70, 181) GeV. */
    public double eventsInRange() {
        double sum = 0;
        for (double v : observed) {
            sum += v;
        }
        return sum;
    }
}
