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
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hepbridge.bench.report.Measurement;
import org.hepbridge.bench.report.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hepbridge-bench table}: reads the C++ timings (Google Benchmark JSON, or the same
 * subset from the std::chrono harness), the records of the JMH throughput forks and the JMH
 * JSON of the micro-benchmarks, and prints them as Markdown tables.
 */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Print the benchmark results as Markdown: events/s per path, ratio to"
                + " pure C++ and peak RSS; then the foreign-call micro-benchmarks.")
public final class TableCommand implements Callable<Integer> {
    private static final Pattern RECORD = Pattern.compile("throughput/path=(\\S+)/events=(\\d+)"
            + "/batch=(\\d+) rss_kib=(-?\\d+) wall_ms=(\\S+) cpu_ms=(\\S+) runs=(\\d+)");

    @Option(names = "--cpp", paramLabel = "FILE", split = ",", required = true,
            description = "C++ timing results (hbl_hzz4l_bench JSON); of several for one event"
                    + " count the fastest is kept")
    private List<Path> cppFiles;

    @Option(names = "--records", paramLabel = "FILE", required = true,
            description = "records of the JMH throughput forks (hbl.bench.recordFile)")
    private Path recordFile;

    @Option(names = "--jmh", paramLabel = "FILE", split = ",",
            description = "JMH results (-rf json) of the micro-benchmarks")
    private List<Path> jmhFiles = List.of();

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        // Several C++ measurements of one event count: the fastest is the reference.
        Map<Long, Measurement> cpp = new TreeMap<>();
        for (Path file : cppFiles) {
            Measurement m = cppMeasurement(file);
            cpp.merge(m.events(), m, (a, b) ->
                    a.eventsPerCpuSecond() >= b.eventsPerCpuSecond() ? a : b);
        }
        List<Measurement> throughput = new ArrayList<>(cpp.values());
        throughput.addAll(javaMeasurements());
        System.out.print(ResultsTable.throughput(throughput));
        List<JsonNode> micro = new ArrayList<>();
        for (Path file : jmhFiles) {
            for (JsonNode result : json.readTree(file.toFile())) {
                if (!result.get("benchmark").asText().contains("Hzz4lThroughputBenchmark")) {
                    micro.add(result);
                }
            }
        }
        if (!micro.isEmpty()) {
            System.out.println();
            System.out.print(ResultsTable.micro(micro));
        }
        return 0;
    }

    // The median aggregate when there are repetitions, else the single iteration.
    private Measurement cppMeasurement(Path file) throws IOException {
        JsonNode chosen = null;
        int runs = 0;
        for (JsonNode b : json.readTree(file.toFile()).get("benchmarks")) {
            if ("median".equals(b.path("aggregate_name").asText())) {
                chosen = b;
            } else if ("iteration".equals(b.path("run_type").asText())) {
                runs++;
                chosen = chosen == null ? b : chosen;
            }
        }
        if (chosen == null || !"ms".equals(chosen.path("time_unit").asText())) {
            throw new IOException("TableCommand: " + file + " holds no result in ms");
        }
        String name = chosen.get("name").asText();
        long events = Long.parseLong(name.replaceAll(".*events:(\\d+).*", "$1"));
        return new Measurement("C++ (per-object event loop)", events, 0,
                chosen.get("real_time").asDouble(), chosen.get("cpu_time").asDouble(),
                chosen.path("peak_rss_kib").asLong(-1),
                Math.max(runs, chosen.path("repetitions").asInt(1)));
    }

    // The last record of each configuration (a rerun replaces an earlier one).
    private List<Measurement> javaMeasurements() throws IOException {
        Map<String, Measurement> latest = new HashMap<>();
        for (String line : Files.readAllLines(recordFile)) {
            Matcher m = RECORD.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String path = m.group(1);
            int batch = Integer.parseInt(m.group(3));
            latest.put(path + "/" + m.group(2) + "/" + batch, new Measurement(label(path),
                    Long.parseLong(m.group(2)), path.equals("batched") ? batch : 0,
                    Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                    Long.parseLong(m.group(4)), Integer.parseInt(m.group(7))));
        }
        return new ArrayList<>(latest.values());
    }

    private static String label(String path) {
        return switch (path) {
            case "naive" -> "Java (a) naive: downcalls per event";
            case "batched" -> "Java (b) batched: downcalls per batch";
            case "cpp-ffm" -> "Java (c) C++ loop in one downcall";
            default -> path;
        };
    }
}
