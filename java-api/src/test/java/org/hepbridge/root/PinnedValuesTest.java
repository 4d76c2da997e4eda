package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hepbridge.testing.TestData;

/** Values pinned in SOURCES.md (published by uproot5's tests, or computed with JSROOT). */
class PinnedValuesTest {
    private static final String SK = "scikit-hep-testdata/";
    private BufferAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
        allocator.close();
    }

    private VectorSchemaRoot read(String file, String tree, String... branches)
            throws Exception {
        try (RootFile f = RootFile.open(TestData.require(SK + file))) {
            return f.tree(tree).read(allocator, List.of(branches));
        }
    }

    // px1 at entries 0-4 (uproot5 test_0416), 1000-1004 and 2000-2004 (test_0043).
    @ParameterizedTest
    @ValueSource(strings = {"uproot-Zmumu.root", "uproot-Zmumu-zlib.root",
        "uproot-Zmumu-lz4.root", "uproot-Zmumu-lzma.root", "uproot-Zmumu-zstd.root",
        "uproot-Zmumu-uncompressed.root"})
    void zmumuInEveryCodec(String file) throws Exception {
        double[][] expected = {
            {-41.1952876442, 35.1180497674, 35.1180497674, 34.1444372454, 22.7835819537},
            {26.043758785, 26.043758785, 25.9962042016, -44.4626620943, 28.2794901505},
            {-43.3783782352, -43.3783782352, -43.2444221651, -20.2126675303, 43.7131175076}};
        try (VectorSchemaRoot r = read(file, "events", "px1", "M", "Q1", "Q2", "Type")) {
            assertEquals(2304, r.getRowCount());
            Float8Vector px1 = (Float8Vector) r.getVector("px1");
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(expected[k][i], px1.get(1000 * k + i), 5e-11,
                            "px1[" + (1000 * k + i) + "]");
                }
            }
            // Computed sums (SOURCES.md, JSROOT).
            assertEquals(-151.264878575, sum(px1), 1e-8);
            assertEquals(184794.471228, sum(r.getVector("M")), 1e-5);
            assertEquals(60, sum(r.getVector("Q1")));
            assertEquals(-10, sum(r.getVector("Q2")));
            Map<String, Integer> types = new TreeMap<>();
            VarCharVector t = (VarCharVector) r.getVector("Type");
            for (int i = 0; i < t.getValueCount(); i++) {
                types.merge(t.getObject(i).toString(), 1, Integer::sum);
            }
            assertEquals(Map.of("GT", 1145, "TT", 643, "GG", 516), types);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uproot-HZZ.root", "uproot-HZZ-zlib.root", "uproot-HZZ-lz4.root",
        "uproot-HZZ-lzma.root", "uproot-HZZ-zstd.root", "uproot-HZZ-uncompressed.root"})
    void hzzCountsAndSums(String file) throws Exception {
        try (VectorSchemaRoot r = read(file, "events", "NMuon", "NElectron", "NJet", "NPhoton",
                "Muon_Charge", "NPrimaryVertices", "EventWeight", "triggerIsoMu24", "Muon_E",
                "Muon_Px", "Muon_Py", "Muon_Pz", "MET_px", "MET_py")) {
            assertEquals(2421, r.getRowCount());
            assertEquals(3825, sum(r.getVector("NMuon")));
            assertEquals(171, sum(r.getVector("NElectron")));
            assertEquals(2773, sum(r.getVector("NJet")));
            assertEquals(220, sum(r.getVector("NPhoton")));
            assertEquals(-49, sum(((ListVector) r.getVector("Muon_Charge")).getDataVector()));
            assertEquals(20712, sum(r.getVector("NPrimaryVertices")));
            assertEquals(16.9225214161, sum(r.getVector("EventWeight")), 1e-7);
            assertEquals(2421, sum(r.getVector("triggerIsoMu24")));
            IntVector nmu = (IntVector) r.getVector("NMuon");
            Map<Integer, Integer> mult = new TreeMap<>();
            for (int i = 0; i < nmu.getValueCount(); i++) {
                mult.merge(nmu.get(i), 1, Integer::sum);
            }
            assertEquals(Map.of(0, 59, 1, 949, 2, 1371, 3, 34, 4, 8), mult);
            // SOURCES.md says "entry 1 has zero muons"; uproot 5.7.7 reads NMuon[0:5] as
            // [2, 1, 2, 2, 2] and finds the first muon-less entry at 43, as hepbridge does.
            int firstEmpty = 0;
            while (nmu.get(firstEmpty) != 0) {
                firstEmpty++;
            }
            assertEquals(43, firstEmpty);
            // uproot5 test_0034's muonp4[0][0] and MET[0], as floats in this layout.
            assertEquals(54.77949905395508, first(r, "Muon_E"));
            assertEquals(-52.89945602416992, first(r, "Muon_Px"));
            assertEquals(-11.654671669006348, first(r, "Muon_Py"));
            assertEquals(-8.16079330444336, first(r, "Muon_Pz"));
            assertEquals(5.912771224975586, ((Float4Vector) r.getVector("MET_px")).get(0));
            assertEquals(2.5636332035064697, ((Float4Vector) r.getVector("MET_py")).get(0));
        }
    }

    @Test
    void hzzObjects() throws Exception {
        try (VectorSchemaRoot r = read("uproot-HZZ-objects.root", "events", "muonp4", "MET")) {
            ListVector mu = (ListVector) r.getVector("muonp4");
            StructVector p4 = (StructVector) mu.getDataVector();
            StructVector p3 = (StructVector) p4.getChild("fP");
            assertEquals(54.77949905395508, ((Float8Vector) p4.getChild("fE")).get(0));
            assertEquals(-52.89945602416992, ((Float8Vector) p3.getChild("fX")).get(0));
            assertEquals(-11.654671669006348, ((Float8Vector) p3.getChild("fY")).get(0));
            assertEquals(-8.16079330444336, ((Float8Vector) p3.getChild("fZ")).get(0));
            assertEquals(3825, p4.getValueCount(), "ΣNMuon of the flat layout");
            StructVector met = (StructVector) r.getVector("MET");
            assertEquals(5.912771224975586, ((Float8Vector) met.getChild("fX")).get(0));
            assertEquals(2.5636332035064697, ((Float8Vector) met.getChild("fY")).get(0));
        }
    }

    @Test
    void nanoAod() throws Exception {
        try (RootFile f = RootFile.open(TestData.require(SK
                + "nanoAOD_2015_CMS_Open_Data_ttbar.root"))) {
            TTree t = f.tree("Events");
            assertEquals(200, t.entries());
            assertEquals(947, t.branches().size());
            assertEquals(new ArrowType.Int(32, false), t.branch("nMuon").arrowType());
            try (VectorSchemaRoot r = t.read(allocator, List.of("nMuon", "nElectron", "nJet",
                    "Muon_pt", "run"))) {
                assertEquals(41, sum(r.getVector("nMuon")));
                assertEquals(69, sum(r.getVector("nElectron")));
                assertEquals(537, sum(r.getVector("nJet")));
                assertEquals(41, ((ListVector) r.getVector("Muon_pt")).getDataVector()
                        .getValueCount());
                assertEquals(200, sum(r.getVector("run")), "run is 1 for all events");
                assertTrue(r.getVector("nMuon") instanceof UInt4Vector);
            }
        }
    }

    private static double first(VectorSchemaRoot r, String name) {
        return ((Float4Vector) ((ListVector) r.getVector(name)).getDataVector()).get(0);
    }

    private static double sum(FieldVector v) {
        double s = 0;
        for (int i = 0; i < v.getValueCount(); i++) {
            s += switch (v) {
                case Float8Vector d -> d.get(i);
                case Float4Vector f -> f.get(i);
                case BitVector b -> b.get(i);
                default -> UprootOracle.bits(v, i);
            };
        }
        return s;
    }
}
