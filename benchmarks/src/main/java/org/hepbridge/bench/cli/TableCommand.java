package org.hepbridge.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hepbridge.bench.report.Measurement;
import org.hepbridge.bench.report.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hepbridge-bench table}: reads the C++ timings (Google Benchmark JSON, or the same
 * subset from the std::chrono harness), the JMH JSON results and the peak-RSS records of the
 * JMH forks, and prints the results as Markdown tables.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Print the benchmark results as Markdown: events/s per path, ratio to"
                + " pure C++ and peak RSS; then the foreign-call micro-benchmarks.")
public final class TableCommand implements Callable<Integer> {
    @Option(names = "--cpp", paramLabel = "FILE", split = ",", required = true,
            description = "C++ timing results (hbl_hzz4l_bench JSON), one per event count")
    private List<Path> cppFiles;

    @Option(names = "--jmh", paramLabel = "FILE", split = ",", required = true,
            description = "JMH results (-rf json)")
    private List<Path> jmhFiles;

    @Option(names = "--rss", paramLabel = "FILE",
            description = "peak RSS records of the JMH forks (hbl.bench.rssFile)")
    private Path rssFile;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        Map<String, Long> rss = readRss();
        List<Measurement> throughput = new ArrayList<>();
        for (Path file : cppFiles) {
            throughput.add(cppMeasurement(file));
        }
        List<JsonNode> micro = new ArrayList<>();
        for (Path file : jmhFiles) {
            for (JsonNode result : json.readTree(file.toFile())) {
                if (result.get("benchmark").asText().endsWith("Hzz4lThroughputBenchmark.analyse")) {
                    throughput.add(javaMeasurement(result, rss));
                } else {
                    micro.add(result);
                }
            }
        }
        System.out.print(ResultsTable.throughput(throughput));
        if (!micro.isEmpty()) {
            System.out.println();
            System.out.print(ResultsTable.micro(micro));
        }
        return 0;
    }

    private Measurement cppMeasurement(Path file) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        JsonNode chosen = null;
        List<Double> times = new ArrayList<>();
        for (JsonNode b : root.get("benchmarks")) {
            if ("median".equals(b.path("aggregate_name").asText())) {
                chosen = b;
            } else if ("iteration".equals(b.path("run_type").asText())) {
                times.add(b.get("real_time").asDouble());
                chosen = chosen == null ? b : chosen;
            }
        }
        if (chosen == null) {
            throw new IOException("TableCommand: " + file + " holds no benchmark result");
        }
        String name = chosen.get("name").asText();
        long events = Long.parseLong(name.replaceAll(".*events:(\\d+).*", "$1"));
        double millis = chosen.get("real_time").asDouble();
        if (!"ms".equals(chosen.get("time_unit").asText())) {
            throw new IOException("TableCommand: " + file + ": time unit "
                    + chosen.get("time_unit") + ", expected ms");
        }
        return new Measurement("C++ (per-object event loop)", events, 0, millis,
                chosen.path("peak_rss_kib").asLong(-1), Math.max(1, times.size()));
    }

    private static Measurement javaMeasurement(JsonNode result, Map<String, Long> rss) {
        JsonNode params = result.get("params");
        String path = params.get("path").asText();
        long events = params.get("events").asLong();
        int batch = params.get("batch").asInt();
        List<Double> samples = new ArrayList<>();
        for (JsonNode fork : result.get("primaryMetric").get("rawData")) {
            fork.forEach(v -> samples.add(v.asDouble()));
        }
        String key = "throughput/path=" + path + "/events=" + events + "/batch=" + batch;
        return new Measurement(label(path), events, path.equals("batched") ? batch : 0,
                Measurement.median(samples), rss.getOrDefault(key, -1L), samples.size());
    }

    private static String label(String path) {
        return switch (path) {
            case "naive" -> "Java (a) naive: downcalls per event";
            case "batched" -> "Java (b) batched: downcalls per batch";
            case "cpp-ffm" -> "Java (c) C++ loop in one downcall";
            default -> path;
        };
    }

    private Map<String, Long> readRss() throws IOException {
        Map<String, Long> peaks = new HashMap<>();
        if (rssFile == null || !Files.exists(rssFile)) {
            return peaks;
        }
        for (String line : Files.readAllLines(rssFile)) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 2) {
                peaks.merge(fields[0], Long.parseLong(fields[1]), Math::max);
            }
        }
        return peaks;
    }
}
