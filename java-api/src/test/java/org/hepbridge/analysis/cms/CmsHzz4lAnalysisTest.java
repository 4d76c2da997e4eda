package org.hepbridge.analysis.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.hepbridge.data.DataNotFoundException;
import org.hepbridge.testing.TestData;
import org.hepbridge.testing.PythonOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsHzz4lAnalysisTest {

    /** SOURCES.md: histogram of M for all 278 rows, 37 bins of 3 GeV from 70 GeV. */
    private static final double[] PUBLISHED_COUNTS = {0, 0, 0, 1, 2, 8, 16, 12, 8, 1, 3, 0, 0,
        2, 1, 0, 3, 3, 7, 2, 0, 0, 2, 2, 4, 3, 1, 1, 2, 2, 3, 3, 0, 1, 3, 3, 3};

    @TempDir
    Path tmp;

    private static Path dataDir() {
        return TestData.require("cms-opendata-education/4mu_2011.csv").getParent().getParent();
    }

    @Test
    void countsHistogramAndExpectedSumsMatchSources() throws IOException {
        CmsHzz4lResult r = CmsHzz4lAnalysis.run(dataDir());
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("4mu_2011.csv", 18);
        rows.put("4e_2011.csv", 7);
        rows.put("2e2mu_2011.csv", 13);
        rows.put("4mu_2012.csv", 95);
        rows.put("4e_2012.csv", 41);
        rows.put("2e2mu_2012.csv", 104);
        assertEquals(rows, r.rowsPerFile());
        assertEquals(278, r.totalRows());
        assertArrayEquals(PUBLISHED_COUNTS, r.observed());
        assertEquals(102, r.eventsInRange());
        assertEquals(278 - 102, r.underflow() + r.overflow());
        assertEquals(38, r.edges().length);
        assertEquals(70, r.edges()[0]);
        assertEquals(124, r.edges()[18]);
        assertEquals(181, r.edges()[37]);

        // SOURCES.md: ZZ 80.08, Z+X 3.85, ttbar 0.07, H(125) 9.73; h125 bins 18, 19: 2.39, 4.87.
        assertEquals(80.08, sum(r.expected().get("zz")), 0.005);
        assertEquals(3.85, sum(r.expected().get("z_plus_x")), 0.005);
        assertEquals(0.07, sum(r.expected().get("ttbar")), 0.005);
        assertEquals(9.73, sum(r.expected().get("h125")), 0.005);
        assertEquals(2.39, r.expected().get("h125")[17], 0.005);
        assertEquals(4.87, r.expected().get("h125")[18], 0.005);
    }

    @Test
    void fitAgreesWithPyhfOnTheSameModel() throws Exception {
        CmsHzz4lResult r = CmsHzz4lAnalysis.run(dataDir());
        JsonNode py = pyhf(r);
        assertTrue(r.fit().converged());
        assertEquals(py.get("mu_hat").asDouble(), r.fit().muHat(), 1e-3 * r.fit().muHat());
        assertEquals(py.get("mu_low").asDouble(), r.fit().muLow(), 1e-3 * r.fit().muLow());
        assertEquals(py.get("mu_high").asDouble(), r.fit().muHigh(), 1e-3 * r.fit().muHigh());
        assertEquals(py.get("q0").asDouble(), r.fit().q0(), 1e-3 * r.fit().q0());
        assertEquals(py.get("q0_asimov").asDouble(), r.fit().q0Expected(),
                1e-3 * r.fit().q0Expected());
        assertEquals(Math.sqrt(r.fit().q0()), r.fit().observedSignificance(), 1e-12);
    }

    private JsonNode pyhf(CmsHzz4lResult r) throws IOException, InterruptedException {
        List<Map<String, Object>> samples = new ArrayList<>();
        r.expected().forEach((name, yields) -> samples.add(Map.of("name", name, "nominal",
                yields, "signal", name.equals("h125"), "normSys", List.of(), "histoSys",
                List.of())));
        Map<String, Object> channel = Map.of("name", "m4l", "observed", r.observed(),
                "samples", samples);
        Path json = tmp.resolve("cms.json");
        new ObjectMapper().writeValue(json.toFile(), Map.of("channels", List.of(channel),
                "parameters", List.of("mu"), "points", List.of()));
        return new ObjectMapper().readTree(PythonOracle.run(
                PythonOracle.script("stats/binned_fit_oracle.py"), json.toString()));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void csvIsReadIntoFloat8Columns() throws IOException {
        Path file = TestData.require("cms-opendata-education/4e_2011.csv");
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = FourLeptonCsv.read(file, allocator)) {
            assertEquals(7, root.getRowCount());
            assertEquals(41, root.getFieldVectors().size());
            // SOURCES.md: first row Run 167675, Event 876658967, M = 125.528.
            assertEquals(167675, ((Float8Vector) root.getVector("Run")).get(0));
            assertEquals(876658967, ((Float8Vector) root.getVector("Event")).get(0));
            assertEquals(125.528, ((Float8Vector) root.getVector("M")).get(0));
        }
    }

    private String badCsv(String content) throws IOException {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, content);
        try (BufferAllocator allocator = new RootAllocator()) {
            return assertThrows(CsvFormatException.class,
                    () -> FourLeptonCsv.read(file, allocator).close()).getMessage()
                    .replace(file.toString(), "bad.csv");
        }
    }

    @Test
    void badCsvNamesFileLineAndColumn() throws IOException {
        String header = String.join(",", FourLeptonCsv.COLUMNS);
        String row = "1," + "2,".repeat(39) + "125.5";
        assertEquals("bad.csv: line 1: header column 3 is 'PIDX', expected 'PID1' (header "
                + header + ")", badCsv(header.replace("PID1", "PIDX") + "\n" + row + "\n"));
        assertEquals("bad.csv: line 3: 40 fields, expected 41",
                badCsv(header + "\n" + row + "\n" + row.substring(0, row.lastIndexOf(',')) + "\n"));
        assertEquals("bad.csv: line 2: column M: 'abc' is not a finite number",
                badCsv(header + "\n" + row.replace("125.5", "abc") + "\n"));
        assertEquals("bad.csv: line 1: file is empty, expected the header " + header,
                badCsv(""));
    }

    @Test
    void missingDataFolderIsReportedWithThePath() {
        DataNotFoundException e = assertThrows(DataNotFoundException.class,
                () -> CmsHzz4lAnalysis.run(tmp));
        assertTrue(e.getMessage().startsWith("input file not found: " + tmp.resolve(
                "cms-opendata-education/4mu_2011.csv")), e.getMessage());
    }
}
