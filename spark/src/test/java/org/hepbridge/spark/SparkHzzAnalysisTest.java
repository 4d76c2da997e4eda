package org.hepbridge.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.hepbridge.analysis.Cutflow;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.analysis.atlas.Hzz4lSelection;
import org.hepbridge.analysis.atlas.HzzAnalysis;
import org.hepbridge.analysis.atlas.HzzResult;
import org.hepbridge.analysis.atlas.M4lBinning;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis on Spark in local[2] mode, on the four real 2016 open-data files. */
class SparkHzzAnalysisTest {
    private static JavaSparkContext spark;
    private static List<Path> files;
    private static HzzResult distributed;

    @BeforeAll
    static void runOnSpark() throws IOException {
        files = List.of("A", "B", "C", "D").stream().map(TestData::atlas4lep).toList();
        spark = new JavaSparkContext(SparkHzzAnalysis.loopbackConf("local[2]"));
        distributed = SparkHzzAnalysis.builder().build().run(spark, paths(files));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static List<String> paths(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    @Test
    void driverStaysOnLoopbackWithoutUiOrEventLog() {
        SparkConf conf = spark.getConf();
        assertEquals("127.0.0.1", conf.get("spark.driver.host"));
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertEquals("false", conf.get("spark.ui.enabled"));
        assertEquals("false", conf.get("spark.eventLog.enabled"));
    }

    @Test
    void cutflowOfSelectionCMatchesPublishedAndIndependentNumbers() {
        Cutflow cutflow = distributed.cutflow();
        assertEquals(List.of("data_A.4lep.root", "data_B.4lep.root", "data_C.4lep.root",
                "data_D.4lep.root"), cutflow.inputs());
        // Published entries per file (SOURCES.md, "Reference numbers").
        assertStep(cutflow, "all events", 39, 156, 237, 400);
        // Selection c computed by the lead with an independent uproot implementation.
        assertStep(cutflow, "exactly four good leptons", 24, 70, 124, 198);
        assertStep(cutflow, cutflow.steps().getLast(), 18, 52, 93, 158);
        assertEquals(321, cutflow.total()[cutflow.steps().size() - 1]);
        assertEquals(321, distributed.selectedEvents().size());
        // Every selected event is in the nominal histogram, flow bins included.
        assertEquals(321.0, distributed.histogram(M4lBinning.WIDE, HzzAnalysis.NOMINAL,
                HzzResult.ALL_CHANNELS).sum(true));
    }

    @Test
    void selectionsAAndBMatchPublishedNumbers() throws IOException {
        // Published (SOURCES.md): selection 1 = a, selection 2 = b, events passing per file.
        assertSelected(Hzz4lSelection.A, 27, 86, 146, 248);
        assertSelected(Hzz4lSelection.B, 21, 66, 116, 209);
    }

    private static void assertSelected(Hzz4lSelection selection, long... perFile)
            throws IOException {
        HzzResult result = SparkHzzAnalysis.builder().selection(selection).withVariations(false)
                .build().run(spark, paths(files));
        assertStep(result.cutflow(), result.cutflow().steps().getLast(), perFile);
    }

    private static void assertStep(Cutflow cutflow, String step, long... perFile) {
        int index = cutflow.steps().indexOf(step);
        long[] actual = cutflow.inputs().stream().mapToLong(in -> cutflow.counts(in)[index])
                .toArray();
        assertArrayEquals(perFile, actual, "cutflow step '" + step + "' per file");
    }

    /**
     * A consistency check, not an independent oracle: the merged Spark result must equal, bin
     * by bin, what one single-machine {@link HzzAnalysis} run gives on the same files.
     */
    @Test
    void everyHistogramBinEqualsSingleMachineRun() throws IOException {
        HzzResult single;
        try (BufferAllocator allocator = new RootAllocator()) {
            single = HzzAnalysis.builder().build().run(files, allocator, ProgressListener.NONE);
        }
        assertEquals(single.histograms().size(), distributed.histograms().size());
        for (int i = 0; i < single.histograms().size(); i++) {
            HzzResult.NamedHistogram expected = single.histograms().get(i);
            HzzResult.NamedHistogram actual = distributed.histograms().get(i);
            String key = expected.binning().label() + "/" + expected.variation() + "/"
                    + expected.channel();
            assertEquals(key, actual.binning().label() + "/" + actual.variation() + "/"
                    + actual.channel());
            assertArrayEquals(expected.histogram().values(true),
                    actual.histogram().values(true), key);
            assertArrayEquals(expected.histogram().variances(true),
                    actual.histogram().variances(true), key);
        }
        assertEquals(single.cutflow(), distributed.cutflow());
        assertEquals(single.selectedEvents(), distributed.selectedEvents());
        assertEquals(single.m4lByVariation().keySet(), distributed.m4lByVariation().keySet());
        for (String variation : single.m4lByVariation().keySet()) {
            assertArrayEquals(single.m4l(variation), distributed.m4l(variation), variation);
        }
        assertEquals(single.inputs(), distributed.inputs());
    }

    @Test
    void missingInputFailsTheJobNamingTheFile(@TempDir Path folder) {
        String missing = folder.resolve("data_E.4lep.root").toString();
        SparkHzzAnalysis analysis = SparkHzzAnalysis.builder().withVariations(false).build();
        InputFailedException e = assertThrows(InputFailedException.class,
                () -> analysis.run(spark, List.of(files.getFirst().toString(), missing)));
        assertEquals(missing, e.input());
        assertEquals("SparkHzzAnalysis: input " + missing
                + ": no such file on Spark executor driver", e.getMessage());
    }

    @Test
    void inputsWithTheSameFileNameAreRefused(@TempDir Path folder) {
        String a = files.getFirst().toString();
        String other = folder.resolve("data_A.4lep.root").toString();
        SparkHzzAnalysis analysis = SparkHzzAnalysis.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> analysis.run(spark, List.of(a, other)));
        assertEquals("SparkHzzAnalysis: inputs " + a + " and " + other + " have the same file"
                + " name, which labels results; rename one", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> analysis.run(spark, List.of()));
        assertEquals("SparkHzzAnalysis: no input files given", e.getMessage());
    }
}
