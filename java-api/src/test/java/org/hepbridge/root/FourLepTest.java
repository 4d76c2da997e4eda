package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.hepbridge.testing.TestData;

/** The ATLAS 2020 4lep files against published numbers (SOURCES.md) and uproot. */
class FourLepTest {
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

    // Entries, Σlep_n and the selection-1 counts are the values in SOURCES.md; the 15 lep_*
    // vectors are its 3 vector<bool>, 10 vector<float>, lep_charge and lep_type.
    @ParameterizedTest
    @CsvSource({"A, 39, 156, 27", "B, 156, 625, 86", "C, 237, 949, 146", "D, 400, 1603, 248"})
    void entriesLeptonsAndSelection(String period, long entries, long leptons, int selected)
            throws Exception {
        try (RootFile f = RootFile.open(TestData.atlas4lep(period))) {
            TTree t = f.tree("mini");
            assertEquals(entries, t.entries());
            assertEquals(81, t.branches().size());
            List<String> lepVectors = new ArrayList<>();
            for (BranchInfo b : t.branches()) {
                assertTrue(b.readable(), b.name() + ": " + b.unsupported());
                if (b.name().startsWith("lep_") && b.jagged()) {
                    lepVectors.add(b.name());
                }
            }
            assertEquals(15, lepVectors.size(), lepVectors.toString());
            List<String> names = new ArrayList<>(List.of("lep_n"));
            names.addAll(lepVectors);
            try (VectorSchemaRoot r = t.read(allocator, names)) {
                UInt4Vector n = (UInt4Vector) r.getVector("lep_n");
                long sum = 0;
                for (int i = 0; i < n.getValueCount(); i++) {
                    sum += Integer.toUnsignedLong(n.get(i));
                }
                assertEquals(leptons, sum, "sum of lep_n");
                for (String v : lepVectors) {
                    // Real data carry no truth information: lep_truthMatched is always empty.
                    long want = v.equals("lep_truthMatched") ? 0 : leptons;
                    assertEquals(want,
                            ((ListVector) r.getVector(v)).getDataVector().getValueCount(), v);
                }
                assertEquals(selected, selectionOne(r));
            }
        }
    }

    /** Σcharge = 0 and Σtype ∈ {44, 48, 52} over the first four leptons. */
    private static int selectionOne(VectorSchemaRoot r) {
        ListVector charge = (ListVector) r.getVector("lep_charge");
        ListVector type = (ListVector) r.getVector("lep_type");
        IntVector q = (IntVector) charge.getDataVector();
        UInt4Vector ty = (UInt4Vector) type.getDataVector();
        int pass = 0;
        for (int i = 0; i < r.getRowCount(); i++) {
            int s = charge.getOffsetBuffer().getInt(i * 4L);
            int st = type.getOffsetBuffer().getInt(i * 4L);
            long sq = 0;
            long sty = 0;
            for (int k = 0; k < 4; k++) {
                sq += q.get(s + k);
                sty += ty.get(st + k);
            }
            if (sq == 0 && (sty == 44 || sty == 48 || sty == 52)) {
                pass++;
            }
        }
        return pass;
    }

    @Test
    void firstEventOfPeriodA() throws Exception {
        try (RootFile f = RootFile.open(TestData.atlas4lep("A"));
                VectorSchemaRoot r = f.tree("mini").read(allocator, List.of("runNumber",
                        "channelNumber", "eventNumber", "lep_charge", "lep_type"), 0, 1)) {
            assertEquals(1, r.getRowCount());
            assertEquals(298773, ((IntVector) r.getVector("runNumber")).get(0));
            assertEquals(298773, ((IntVector) r.getVector("channelNumber")).get(0));
            assertEquals(134827213, ((IntVector) r.getVector("eventNumber")).get(0));
            assertEquals("[1,-1,1,1]", r.getVector("lep_charge").getObject(0).toString());
            assertEquals("[11,11,13,13]", r.getVector("lep_type").getObject(0).toString());
        }
    }

    @Test
    void typesFollowTheLeafClasses() throws Exception {
        try (RootFile f = RootFile.open(TestData.atlas4lep("A"))) {
            TTree t = f.tree("mini");
            assertEquals(new ArrowType.Int(32, true), t.branch("runNumber").arrowType());
            assertEquals(new ArrowType.Int(32, false), t.branch("lep_n").arrowType());
            assertEquals(ArrowType.Bool.INSTANCE, t.branch("trigE").arrowType());
            assertEquals("Float_t", t.branch("met_et").rootType());
            assertEquals("vector<unsigned int>", t.branch("lep_type").rootType());
            assertTrue(t.branch("lep_pt").jagged());
            assertFalse(t.branch("mcWeight").jagged());
        }
    }

    @Test
    void entryRangesMatchAFullRead() throws Exception {
        try (RootFile f = RootFile.open(TestData.atlas4lep("B"));
                VectorSchemaRoot all = f.tree("mini").read(allocator, List.of("lep_pt"));
                VectorSchemaRoot part = f.tree("mini").read(allocator, List.of("lep_pt"), 100,
                        103)) {
            assertEquals(3, part.getRowCount());
            for (int i = 0; i < 3; i++) {
                assertEquals(all.getVector(0).getObject(100 + i), part.getVector(0).getObject(i));
            }
        }
    }

    // Every one of the 81 branches, value by value, against uproot (floats bit for bit).
    @ParameterizedTest
    @CsvSource({"A", "B", "C", "D"})
    void everyBranchEqualsUproot(String period, @TempDir Path tmp) throws Exception {
        Path file = TestData.atlas4lep(period);
        JsonNode dump = UprootOracle.dump(file, "mini", List.of(), tmp);
        JsonNode expected = dump.get("branches");
        assertEquals(0, dump.get("skipped").size(), dump.get("skipped").toString());
        try (RootFile f = RootFile.open(file)) {
            TTree t = f.tree("mini");
            List<String> names = new ArrayList<>();
            t.branches().forEach(b -> names.add(b.name()));
            assertEquals(expected.size(), names.size());
            try (VectorSchemaRoot r = t.read(allocator, names)) {
                for (String n : names) {
                    assertNotNull(expected.get(n), "uproot has no branch " + n);
                    UprootOracle.assertSame(file.getFileName() + " " + n, expected.get(n),
                            r.getVector(n));
                }
            }
        }
    }
}
