package org.hepbridge.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hepbridge.bench.hzz.CppAnalysisProgram;
import org.hepbridge.bench.jmh.DowncallBenchmark;
import org.hepbridge.bench.jmh.Hzz4lThroughputBenchmark;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark run once at a tiny size, outside JMH, with its result checked: the throughput
 * benchmark of every path, the foreign-call probes, and the C++ timing program.
 */
class BenchmarkSmokeTest {

    @Test
    void throughputBenchmarkOfEveryPathMatchesTheCppProgram() throws Exception {
        System.setProperty(Hzz4lThroughputBenchmark.DUMP_PROPERTY, SmokeData.dump().toString());
        var cpp = CppAnalysisProgram.run(SmokeData.dump(), 1500).counts();
        for (String path : List.of("naive", "batched", "cpp-ffm")) {
            Hzz4lThroughputBenchmark benchmark = new Hzz4lThroughputBenchmark();
            benchmark.path = path;
            benchmark.events = 1500;
            benchmark.batch = 100;
            benchmark.open();
            try {
                assertEquals(cpp.selected(0), benchmark.analyse(), path);
                assertNull(cpp.firstDifference(benchmark.lastCounts()), path);
            } finally {
                benchmark.close();  // checks the counts against the replication identity too
            }
        }
    }

    @Test
    void downcallProbesComputeWhatTheyClaim() throws Throwable {
        DowncallBenchmark benchmark = new DowncallBenchmark();
        benchmark.n = 100;
        benchmark.open();
        try {
            // The probe floats are i % 7 for i < 100: 14 full cycles of 0..6 (sum 21) plus
            // 0 and 1, so the sum is 14 * 21 + 1 = 295.
            assertEquals(295.0, benchmark.sumNativeSegment());
            assertEquals(295.0, benchmark.sumHeapArrayInPlace());
            assertEquals(295.0, benchmark.sumHeapArrayCopied());
            benchmark.emptyDowncall();
            benchmark.emptyDowncallCritical();
            // Nine buffers for 100 events: 3 * 400 * 4 + 2 * 100 * 4 + 3 * 100 * 8 + 400 * 4.
            assertEquals(4800 + 800 + 2400 + 1600, benchmark.arenaPerBatch());
            assertEquals(0, benchmark.selectRaw());
            int[] raw = benchmark.masks().toArray(ValueLayout.JAVA_INT);
            benchmark.selectWrapper();
            assertArrayEquals(raw, benchmark.masks().toArray(ValueLayout.JAVA_INT));
            // Every probe lepton has pT = 1 MeV, far below both flavours' thresholds.
            assertEquals(2, raw[0] & 2, "HBL_CUT_PT set");
        } finally {
            benchmark.close();
        }
    }

    @Test
    void cppTimingProgramReportsEventsPerSecondAndPeakMemory() throws Exception {
        Path json = SmokeData.workFolder().resolve("cpp-smoke.json");
        Process process = new ProcessBuilder(NativeBuild.benchmarkProgram().toString(),
                "--dump", SmokeData.dump().toString(),
                "--calibration", NativeBuild.calibrationFile().toString(),
                "--events", "1000", "--benchmark_repetitions=1",
                "--benchmark_min_time=0.01", "--benchmark_format=json")
                .redirectOutput(json.toFile()).redirectErrorStream(false).start();
        String errors = new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "hbl_hzz4l_bench did not finish");
        // A non-zero exit also means its own check of the counts failed.
        assertEquals(0, process.exitValue(), errors);
        JsonNode result = new ObjectMapper().readTree(Files.readString(json))
                .get("benchmarks").get(0);
        assertEquals("hzz4l_cpp/events:1000", result.get("name").asText()
                .replace("/real_time", ""));
        assertTrue(result.get("items_per_second").asDouble() > 0, result.toString());
        assertTrue(result.get("peak_rss_kib").asDouble() > 0, result.toString());
    }
}
