package org.hepbridge.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.hist.Histogram;

/**
 * The parts every analysis's {@code summary.json} shares, so that all analyses describe inputs,
 * cutflows, histograms and software the same way; each returns an insertion-ordered map the
 * caller may extend before writing.
 *
 * <p>Stateless and thread-safe.
 */
public final class SummaryJson {
    /** The summary file of every analysis, written last: its presence marks a complete result. */
    public static final String FILE = "summary.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /**
     * An input file: {@code path}, {@code name}, {@code sha256} and {@code bytes}; analyses add
     * their own counts (entries, rows) after these.
     */
    public static Map<String, Object> input(Path path, String name, String sha256, long bytes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", path.toString());
        map.put("name", name);
        map.put("sha256", sha256);
        map.put("bytes", bytes);
        return map;
    }

    /** {@code steps}, {@code per_input} (counts per step) and {@code total}. */
    public static Map<String, Object> cutflow(Cutflow cutflow) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("steps", cutflow.steps());
        Map<String, Object> perInput = new LinkedHashMap<>();
        for (String input : cutflow.inputs()) {
            perInput.put(input, cutflow.counts(input));
        }
        map.put("per_input", perInput);
        map.put("total", cutflow.total());
        return map;
    }

    /**
     * A 1-D histogram: the {@code labels} first (name, variation...), then {@code edges},
     * {@code values} and {@code variances} of the regular bins, {@code underflow} and
     * {@code overflow}.
     */
    public static Map<String, Object> histogram(Map<String, Object> labels, Histogram histogram) {
        if (histogram.rank() != 1) {
            throw new IllegalArgumentException("SummaryJson: histogram " + labels + " has "
                    + histogram.rank() + " axes, expected 1");
        }
        Map<String, Object> map = new LinkedHashMap<>(labels);
        map.put("edges", histogram.axis(0).edges());
        map.put("values", histogram.values());
        map.put("variances", histogram.variances());
        double[] flow = histogram.values(true);
        map.put("underflow", flow[0]);
        map.put("overflow", flow[flow.length - 1]);
        return map;
    }

    /** The versions of the software that produced the result ({@link SoftwareVersions}). */
    public static Map<String, String> software() {
        return SoftwareVersions.describe();
    }

    /**
     * Adds the closing entries every summary ends with, {@code software},
     * {@code run_time_seconds} and {@code outputs}, and writes the summary as indented JSON.
     */
    public static void write(Map<String, Object> summary, double runTimeSeconds,
            List<String> outputs, Path destination) throws IOException {
        Map<String, Object> complete = new LinkedHashMap<>(summary);
        complete.put("software", software());
        complete.put("run_time_seconds", runTimeSeconds);
        complete.put("outputs", outputs);
        JSON.writeValue(destination.toFile(), complete);
    }
}
