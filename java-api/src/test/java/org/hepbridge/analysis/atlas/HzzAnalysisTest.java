package org.hepbridge.analysis.atlas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.legacy.EventCut;
import org.hepbridge.legacy.FourLeptonCandidateBuilder;
import org.hepbridge.root.RootFile;
import org.hepbridge.testing.PythonOracle;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ATLAS analysis on the real 2016 open data, against published numbers (SOURCES.md,
 * "Reference numbers": the ATLAS notebook's counts and a JSROOT-computed histogram) and against
 * an independent uproot + numpy implementation of all three selections
 * (src/test/python/atlas_hzz_oracle.py).
 */
class HzzAnalysisTest {
    private static final long[] PUBLISHED_ENTRIES = {39, 156, 237, 400};
    private static final long[] PUBLISHED_SELECTION_A = {27, 86, 146, 248};
    private static final long[] PUBLISHED_SELECTION_B = {21, 66, 116, 209};
    /** m4l after selection a, 5 GeV bins 80-250 (SOURCES.md, computed with JSROOT). */
    private static final double[] PUBLISHED_M4L_A = {6, 28, 39, 8, 3, 6, 7, 8, 24, 12, 10, 8, 9,
        11, 7, 6, 11, 6, 7, 5, 15, 16, 8, 15, 11, 12, 10, 9, 6, 13, 8, 8, 10, 9};
    private static final double[] PUBLISHED_M4L_B = {2, 13, 16, 4, 2, 3, 5, 5, 17, 9, 10, 5, 8,
        8, 7, 5, 11, 5, 4, 5, 14, 15, 7, 14, 11, 11, 9, 9, 6, 13, 7, 8, 10, 8};

    private static BufferAllocator allocator;
    private static List<Path> inputs;

    @BeforeAll
    static void open() {
        allocator = new RootAllocator();
        inputs = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            inputs.add(TestData.require(relative));
        }
    }

    @AfterAll
    static void close() {
        allocator.close();
    }

    private static HzzResult run(Hzz4lSelection selection) throws Exception {
        HzzResult result = HzzAnalysis.builder().selection(selection).build()
                .run(inputs, allocator, ProgressListener.NONE);
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory left allocated");
        return result;
    }

    private static long[] selectedPerInput(HzzResult result) {
        return result.inputs().stream().mapToLong(HzzResult.Input::selected).toArray();
    }

    @Test
    void selectionAMatchesThePublishedCounts() throws Exception {
        HzzResult result = run(Hzz4lSelection.A);

        assertArrayEquals(PUBLISHED_ENTRIES,
                result.inputs().stream().mapToLong(HzzResult.Input::entries).toArray());
        assertArrayEquals(PUBLISHED_SELECTION_A, selectedPerInput(result));
        assertEquals(507, result.selectedEvents().size());
        assertArrayEquals(PUBLISHED_M4L_A, result.histogram(M4lBinning.WIDE,
                HzzAnalysis.NOMINAL, HzzResult.ALL_CHANNELS).values());
    }

    @Test
    void selectionBMatchesThePublishedCounts() throws Exception {
        HzzResult result = run(Hzz4lSelection.B);

        assertArrayEquals(PUBLISHED_SELECTION_B, selectedPerInput(result));
        assertEquals(412, result.cutflow().total()[result.cutflow().steps().size() - 1]);
        assertArrayEquals(PUBLISHED_M4L_B, result.histogram(M4lBinning.WIDE,
                HzzAnalysis.NOMINAL, HzzResult.ALL_CHANNELS).values());
    }

    @Test
    void everySelectionAgreesWithTheUprootOracle() throws Exception {
        List<String> args = inputs.stream().map(Path::toString).toList();
        JsonNode oracle = new ObjectMapper().readTree(PythonOracle.run(
                PythonOracle.script("atlas_hzz_oracle.py"), args.toArray(String[]::new)));

        for (Hzz4lSelection selection : Hzz4lSelection.predefined()) {
            HzzResult result = run(selection);
            double sumOfMasses = 0;
            double[] expectedNarrow = new double[M4lBinning.NARROW.bins()];
            for (String input : result.cutflow().inputs()) {
                JsonNode expected = oracle.get(input).get(selection.name());
                assertArrayEquals(longs(expected.get("cutflow")), result.cutflow().counts(input),
                        "cutflow of selection " + selection.name() + " in " + input);
                sumOfMasses += expected.get("m4l_sum").asDouble();
                double[] narrow = doubles(expected.get("m4l_80_170"));
                for (int i = 0; i < narrow.length; i++) {
                    expectedNarrow[i] += narrow[i];
                }
            }
            assertArrayEquals(expectedNarrow, result.histogram(M4lBinning.NARROW,
                    HzzAnalysis.NOMINAL, HzzResult.ALL_CHANNELS).values());
            double javaSum = Arrays.stream(result.m4l()).sum();
            assertEquals(sumOfMasses, javaSum, 1e-6 * sumOfMasses,
                    "sum of m4l over selection " + selection.name());
        }
    }

    @Test
    void channelHistogramsAddUpToTheTotal() throws Exception {
        HzzResult result = run(Hzz4lSelection.C);

        for (String variation : result.variations()) {
            double[] sum = new double[M4lBinning.WIDE.bins()];
            for (String channel : List.of("4e", "4mu", "2e2mu")) {
                double[] values = result.histogram(M4lBinning.WIDE, variation, channel).values();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i];
                }
            }
            assertArrayEquals(result.histogram(M4lBinning.WIDE, variation,
                    HzzResult.ALL_CHANNELS).values(), sum, "channels of " + variation);
        }
        assertEquals(9, result.variations().size(), "nominal plus 8 calibration variations");
    }

    @Test
    void firstEventOfPeriodAHasThePublishedIdentityAndMass() throws Exception {
        // SOURCES.md: run 298773, event 134827213, lep_charge [1,-1,1,1], m4l = 197.127 GeV from
        // the first four leptons (the notebook prints 197). The charge sum is 2, so the builder
        // must flag CHARGE yet still compute m4l.
        try (RootFile file = RootFile.open(inputs.get(0));
                VectorSchemaRoot batch = file.tree(AtlasOpenData2020.TREE)
                        .read(allocator, HzzAnalysis.BRANCHES, 0, 1);
                Arena arena = Arena.ofConfined();
                FourLeptonCandidateBuilder builder =
                        FourLeptonCandidateBuilder.create("firstEvent")) {
            builder.setProperty("RequireExactlyFour", "false").initialize();
            LeptonBatch leptons = new LeptonBatch(batch);
            ValueLayout.OfInt layout = ValueLayout.JAVA_INT;
            ValueLayout.OfDouble doubles = ValueLayout.JAVA_DOUBLE;
            MemorySegment mask = arena.allocate(layout);
            MemorySegment m4l = arena.allocate(doubles);
            builder.build(1, leptons.offsets, leptons.type, leptons.charge, leptons.pt,
                    leptons.eta, leptons.phi, leptons.energy, MemorySegment.NULL,
                    mask, arena.allocate(layout), m4l, arena.allocate(doubles),
                    arena.allocate(doubles), arena.allocate(layout, 4));

            assertEquals(298773, leptons.runNumber.getAtIndex(layout, 0));
            assertEquals(134827213, leptons.eventNumber.getAtIndex(layout, 0));
            assertEquals(EventCut.CHARGE.bit(), mask.get(layout, 0));
            assertEquals(197.127, m4l.get(doubles, 0) / 1000.0, 0.0005);
        }
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
