package org.hepbridge.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Formats benchmark results as Markdown tables. Stateless and thread-safe. */
public final class ResultsTable {
    private static final String CPP_PREFIX = "C++";

    private ResultsTable() {
    }

    /**
     * One row per configuration, grouped by event count: events per second of CPU time and
     * of wall-clock time, their ratios to the pure C++ run of the same event count (above 1:
     * faster than C++), peak RSS.
     */
    public static String throughput(List<Measurement> measurements) {
        StringBuilder out = new StringBuilder();
        out.append("| events | path | batch | events/s (CPU) | ratio to C++ (CPU) "
                + "| events/s (wall) | ratio to C++ (wall) | peak RSS (MiB) | runs |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Long, List<Measurement>> byEvents = new TreeMap<>();
        for (Measurement m : measurements) {
            byEvents.computeIfAbsent(m.events(), k -> new ArrayList<>()).add(m);
        }
        for (List<Measurement> group : byEvents.values()) {
            group.sort(Comparator.comparing((Measurement m) -> rank(m.path()))
                    .thenComparing(Measurement::batch));
            Measurement cpp = group.stream().filter(m -> m.path().startsWith(CPP_PREFIX))
                    .findFirst().orElse(null);
            for (Measurement m : group) {
                out.append(row(m, cpp));
            }
        }
        return out.toString();
    }

    private static int rank(String path) {
        if (path.startsWith(CPP_PREFIX)) {
            return 0;
        }
        return path.contains("(c)") ? 1 : path.contains("(b)") ? 2 : 3;
    }

    private static String row(Measurement m, Measurement cpp) {
        String cpuRatio = cpp == null ? "n/a" : ratio(m.eventsPerCpuSecond(),
                cpp.eventsPerCpuSecond());
        String wallRatio = cpp == null ? "n/a" : ratio(m.eventsPerWallSecond(),
                cpp.eventsPerWallSecond());
        String rss = m.peakRssKiB() < 0 ? "n/a"
                : String.format(Locale.ROOT, "%.0f", m.peakRssKiB() / 1024.0);
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %d |\n",
                grouped(m.events()), m.path(), m.batch() == 0 ? "" : grouped(m.batch()),
                grouped(Math.round(m.eventsPerCpuSecond())), cpuRatio,
                grouped(Math.round(m.eventsPerWallSecond())), wallRatio, rss, m.runs());
    }

    private static String ratio(double value, double reference) {
        return String.format(Locale.ROOT, "%.2f", value / reference);
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', ' ');
    }

    /** The JMH micro-benchmarks: one row per benchmark, one column per parameter n. */
    public static String micro(List<JsonNode> results) {
        Map<String, Map<Integer, String>> rows = new LinkedHashMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        String unit = "";
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText().replaceAll(".*\\.", "");
            int n = r.path("params").path("n").asInt(0);
            JsonNode metric = r.get("primaryMetric");
            unit = metric.get("scoreUnit").asText();
            sizes.add(n);
            rows.computeIfAbsent(name, k -> new TreeMap<>()).put(n, String.format(Locale.ROOT,
                    "%s ± %s", significant(metric.get("score").asDouble()),
                    significant(metric.get("scoreError").asDouble())));
        }
        StringBuilder out = new StringBuilder("| benchmark (" + unit + ") |");
        sizes.forEach(n -> out.append(" n = ").append(grouped(n)).append(" |"));
        out.append("\n|---|").append("---:|".repeat(sizes.size())).append('\n');
        rows.forEach((name, cells) -> {
            out.append("| ").append(name).append(" |");
            sizes.forEach(n -> out.append(' ').append(cells.getOrDefault(n, "")).append(" |"));
            out.append('\n');
        });
        return out.toString();
    }

    private static String significant(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        return value >= 100 ? grouped(Math.round(value))
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
