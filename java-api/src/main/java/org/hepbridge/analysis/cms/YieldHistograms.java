package org.hepbridge.analysis.cms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hepbridge.hist.Histogram;

/**
 * Builds histograms from given per-bin sums (expected yields, fitted predictions). Filling
 * cannot produce an arbitrary pair of value and variance per bin, so the histogram is made
 * through its UHI JSON form, the public way to give a {@link Histogram} stored contents.
 * Stateless and thread-safe.
 */
final class YieldHistograms {
    private static final ObjectMapper JSON = new ObjectMapper();

    private YieldHistograms() {
    }

    /**
     * A histogram with the axis of the 1-D histogram {@code like}, the given values and variances
     * in its regular bins, and empty flow bins.
     */
    static Histogram withContents(Histogram like, double[] values, double[] variances) {
        int bins = like.axis(0).bins();
        if (like.rank() != 1 || values.length != bins || variances.length != bins) {
            throw new IllegalArgumentException("YieldHistograms: " + values.length + " values and "
                    + variances.length + " variances for a histogram of " + like.rank()
                    + " axes and " + bins + " bins; expected one axis and as many of each");
        }
        try {
            ObjectNode uhi = (ObjectNode) JSON.readTree(like.toUhiJson());
            ObjectNode storage = uhi.putObject("storage").put("type", "weighted");
            fill(storage.putArray("values"), values, like);
            fill(storage.putArray("variances"), variances, like);
            return Histogram.fromUhiJson(JSON.writeValueAsString(uhi));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("YieldHistograms: UHI JSON of " + like
                    + " does not parse back", e);
        }
    }

    private static void fill(ArrayNode cells, double[] regular, Histogram like) {
        if (like.axis(0).underflow()) {
            cells.add(0.0);
        }
        for (double v : regular) {
            cells.add(v);
        }
        if (like.axis(0).overflow()) {
            cells.add(0.0);
        }
    }
}
