package org.hepbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.testing.PythonOracle;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hepbridge run} command line: outputs, exit codes and error reports. */
class RunCommandTest {
    @TempDir
    Path temp;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome hepbridge(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = HepbridgeCli.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static Path dataFolder() {
        TestData.require(AtlasOpenData2020.dataFilesRelative().get(0));
        return TestData.folder();
    }

    private static long filesIn(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void runWritesEveryOutputOfTheAtlasAnalysis() throws Exception {
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--data", dataFolder().toString(),
                "--output", output.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        for (String name : new String[] {"summary.json", "selected_events.arrow", "cutflow.csv",
            "cutflow.md", "m4l.png", "m4l.svg"}) {
            assertTrue(Files.size(output.resolve(name)) > 0, name);
        }
        JsonNode summary = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
        assertEquals(4, summary.get("inputs").size());
        assertEquals("8a0de39015dcc46ec3e65fd56234bbb8809c0fb1e16e6511a7872627bb7b6675",
                summary.get("inputs").get(0).get("sha256").asText(), "sha256 from SOURCES.md");
        assertEquals(832, summary.get("cutflow").get("total").get(0).asLong());
        // The fit's values are checked against iminuit in MassScaleSystematicTest; here that
        // the summary carries them: syst^2 = total^2 - stat^2, one nuisance per scale source.
        JsonNode fit = summary.get("fit");
        assertEquals(4, fit.get("mass_syst").get("variations").size());
        assertEquals(List.of("EG_SCALE", "MUON_SCALE"), fit.get("nuisance_parameters")
                .findValuesAsText("name"));
        double total = fit.get("mass_total_error_gev").asDouble();
        double stat = fit.get("mass_stat_error_gev").asDouble();
        assertEquals(Math.sqrt(total * total - stat * stat),
                fit.get("mass_syst_error_gev").asDouble(), 1e-12);
        assertTrue(outcome.out().contains(String.format(java.util.Locale.ROOT,
                "m_H = %.2f +- %.2f (stat) +- %.2f (syst) GeV", fit.get("mass_gev").asDouble(),
                stat, fit.get("mass_syst_error_gev").asDouble())), outcome.out());
        long selected = summary.get("selected_events").asLong();
        try (RootAllocator allocator = new RootAllocator();
                ArrowFileReader reader = new ArrowFileReader(
                        Files.newByteChannel(output.resolve("selected_events.arrow")), allocator)) {
            reader.loadNextBatch();
            assertEquals(selected, reader.getVectorSchemaRoot().getRowCount());
        }
        assertTrue(outcome.out().contains("Outputs in"), outcome.out());
        assertTrue(outcome.err().contains("data_A.4lep.root: 39 entries"), outcome.err());
        assertEquals(0, filesIn(temp) - 1, "no staging folder left beside the output");
    }

    @Test
    void aMissingInputFileFailsWithItsPathAndWritesNothing() throws Exception {
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--data", temp.resolve("nowhere").toString(),
                "--output", output.toString());

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().contains("input file not found: " + temp.resolve("nowhere")
                .resolve("atlas-opendata-13tev-2020-4lep/data_A.4lep.root")), outcome.err());
        assertEquals(0, filesIn(output));
    }

    @Test
    void aMissingFileGivenOnTheCommandLineIsNamed() throws Exception {
        Path missing = temp.resolve("data_Z.4lep.root");

        Outcome outcome = hepbridge("run", "--output", temp.resolve("out").toString(),
                missing.toString());

        assertEquals(1, outcome.exitCode());
        assertEquals("hepbridge: " + missing + ": no such file", outcome.err().strip());
    }

    @Test
    void aRootFileWithoutTheTreeListsTheNearestNames() throws Exception {
        Path zmumu = TestData.require("scikit-hep-testdata/uproot-Zmumu.root");

        Outcome outcome = hepbridge("run", "--output", temp.resolve("out").toString(),
                zmumu.toString());

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().contains(zmumu + ": key 'mini': no such key in top directory;"
                + " nearest: events"), outcome.err());
    }

    @Test
    void aFileThatIsNotRootFailsNamingTheFile() throws Exception {
        Path notRoot = Files.writeString(temp.resolve("notes.root"), "just some text\n");
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--output", output.toString(), notRoot.toString());

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("hepbridge: "), outcome.err());
        assertTrue(outcome.err().contains(notRoot.toString()), outcome.err());
        assertEquals(0, filesIn(output));
        assertEquals(1, filesIn(temp), "only the input remains in the temporary folder");
    }

    @Test
    void aTruncatedCopyOfARealFileFailsAndLeavesNoOutput() throws Exception {
        Path real = TestData.require(AtlasOpenData2020.dataFilesRelative().get(1));
        byte[] bytes = Files.readAllBytes(real);
        Path truncated = temp.resolve("data_B.truncated.root");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--output", output.toString(), truncated.toString());

        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains(truncated.toString()), outcome.err());
        assertEquals(0, filesIn(output));
    }

    @Test
    void aMalformedCalibrationFileIsReportedWithItsLine() throws Exception {
        Path calibration = Files.writeString(temp.resolve("calib.txt"),
                "# flavour quantity eta_min eta_max value\nelectron scale 0.0 1.37\n");
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--data", dataFolder().toString(), "--calibration",
                calibration.toString(), "--output", output.toString());

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().contains(calibration + ":2:"), outcome.err());
        assertEquals(0, filesIn(output));
    }

    /** SOURCES.md: M of all 278 CMS candidates, 37 bins of 3 GeV from 70 GeV (computed). */
    private static final double[] CMS_PUBLISHED_COUNTS = {0, 0, 0, 1, 2, 8, 16, 12, 8, 1, 3, 0,
        0, 2, 1, 0, 3, 3, 7, 2, 0, 0, 2, 2, 4, 3, 1, 1, 2, 2, 3, 3, 0, 1, 3, 3, 3};
    private static final List<String> CMS_FILES = List.of("4mu_2011.csv", "4e_2011.csv",
            "2e2mu_2011.csv", "4mu_2012.csv", "4e_2012.csv", "2e2mu_2012.csv",
            "expected_m4l_2011_2012.csv");

    private static Path cmsDataFolder() {
        TestData.require("cms-opendata-education/4mu_2011.csv");
        return TestData.folder();
    }

    @Test
    void cmsRunWritesEveryOutputWithPublishedAndPyhfValues() throws Exception {
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--analysis", "cms-hzz4l", "--data",
                cmsDataFolder().toString(), "--output", output.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> expectedFiles = List.of("cutflow.csv", "cutflow.md", "m4l_data.json",
                "m4l_zz.json", "m4l_z_plus_x.json", "m4l_ttbar.json", "m4l_h125.json", "m4l.png",
                "m4l.svg", "m4l_prefit.png", "m4l_prefit.svg", "summary.json");
        for (String name : expectedFiles) {
            assertTrue(Files.size(output.resolve(name)) > 0, name);
        }
        assertEquals(expectedFiles.size(), filesIn(output));
        assertEquals(0, filesIn(temp) - 1, "no staging folder left beside the output");
        assertTrue(outcome.err().contains("hepbridge: 4mu_2011.csv: 18 entries"), outcome.err());
        assertTrue(outcome.out().contains("Outputs in " + output.toAbsolutePath()),
                outcome.out());

        JsonNode summary = new ObjectMapper().readTree(output.resolve("summary.json").toFile());
        JsonNode oracle = new ObjectMapper().readTree(PythonOracle.run(
                PythonOracle.script("cms_hzz_oracle.py"), cmsDataFolder().toString(),
                output.toString()));
        assertEquals("cms-hzz4l", summary.get("analysis").asText());
        assertCmsInputs(summary.get("inputs"), oracle.get("inputs"));
        assertCmsHistograms(summary, oracle);
        assertCmsFit(summary.get("fit"), oracle.get("fit"));
        assertEquals(new HashSet<>(expectedFiles), new HashSet<>(strings(summary.get("outputs"))));
        assertEquals("summary.json", summary.get("outputs").get(expectedFiles.size() - 1)
                .asText(), "summary.json is written last");
    }

    private static void assertCmsInputs(JsonNode inputs, JsonNode oracle) {
        assertEquals(CMS_FILES, strings(inputs.findValues("name")));
        // SOURCES.md: 18 / 7 / 13 / 95 / 41 / 104 rows, 37 bins of expected yields.
        long[] published = {18, 7, 13, 95, 41, 104, 37};
        for (int i = 0; i < CMS_FILES.size(); i++) {
            JsonNode input = inputs.get(i);
            JsonNode python = oracle.get(CMS_FILES.get(i));
            assertEquals(published[i], input.get("rows").asLong(), CMS_FILES.get(i));
            assertEquals(python.get("sha256").asText(), input.get("sha256").asText());
            assertEquals(python.get("bytes").asLong(), input.get("bytes").asLong());
        }
        assertEquals("b49969df770f15d7bd6c18f0109885931d761d48a323eaa3f903e243ab682770",
                inputs.get(0).get("sha256").asText(), "sha256 of 4mu_2011.csv in SOURCES.md");
    }

    private static void assertCmsHistograms(JsonNode summary, JsonNode oracle) {
        JsonNode cutflow = summary.get("cutflow");
        assertEquals(278, cutflow.get("total").get(0).asLong(), "SOURCES.md: 278 rows");
        assertEquals(102, cutflow.get("total").get(1).asLong(), "SOURCES.md: 102 in range");
        JsonNode data = summary.get("histograms").get(0);
        assertEquals("data", data.get("sample").asText());
        assertArrayEquals(CMS_PUBLISHED_COUNTS, doubles(data.get("values")));
        assertArrayEquals(CMS_PUBLISHED_COUNTS, doubles(data.get("variances")),
                "unit weights: variance = count");
        assertEquals(oracle.get("above").asDouble(), data.get("overflow").asDouble());
        assertEquals(70, data.get("edges").get(0).asDouble());
        assertEquals(181, data.get("edges").get(37).asDouble());
        // SOURCES.md: expected ZZ 80.08, Z+X 3.85, ttbar 0.07, H(125) 9.73 events in range.
        double[] sums = {80.08, 3.85, 0.07, 9.73};
        for (int s = 0; s < 4; s++) {
            JsonNode h = summary.get("histograms").get(s + 1);
            String sample = h.get("sample").asText();
            assertArrayEquals(doubles(oracle.get("expected").get(sample)),
                    doubles(h.get("values")), sample);
            assertEquals(sums[s], Arrays.stream(doubles(h.get("values"))).sum(), 0.005, sample);
        }
        // Every UHI file read back by Python's hist equals the histogram in the summary.
        for (JsonNode h : summary.get("histograms")) {
            JsonNode uhi = oracle.get("uhi").get(h.get("file").asText());
            double[] values = doubles(uhi.get("values"));
            double[] variances = doubles(uhi.get("variances"));
            assertArrayEquals(doubles(h.get("edges")), doubles(uhi.get("edges")));
            assertArrayEquals(doubles(h.get("values")), Arrays.copyOfRange(values, 1, 38));
            assertArrayEquals(doubles(h.get("variances")), Arrays.copyOfRange(variances, 1, 38));
            assertEquals(h.get("underflow").asDouble(), values[0]);
            assertEquals(h.get("overflow").asDouble(), values[38]);
            assertEquals("m4l", uhi.get("name").asText());
        }
    }

    private static void assertCmsFit(JsonNode fit, JsonNode pyhf) {
        assertTrue(fit.get("converged").asBoolean());
        assertEquals(pyhf.get("mu_hat").asDouble(), fit.get("mu_hat").asDouble(), 1e-4);
        assertEquals(pyhf.get("mu_low").asDouble(), fit.get("mu_interval_68").get(0).asDouble(),
                1e-4);
        assertEquals(pyhf.get("mu_high").asDouble(), fit.get("mu_interval_68").get(1)
                .asDouble(), 1e-4);
        assertEquals(pyhf.get("q0").asDouble(), fit.get("q0").asDouble(), 1e-4);
        assertEquals(Math.sqrt(pyhf.get("q0").asDouble()),
                fit.get("observed_significance").asDouble(), 1e-4);
        assertEquals(pyhf.get("q0_asimov").asDouble(), fit.get("q0_expected").asDouble(), 1e-4);
        assertEquals(Math.sqrt(pyhf.get("q0_asimov").asDouble()),
                fit.get("expected_significance").asDouble(), 1e-4);
    }

    @Test
    void aBadCmsCsvFailsNamingFileLineAndColumnAndWritesNothing() throws Exception {
        Path folder = temp.resolve("data/cms-opendata-education");
        Files.createDirectories(folder);
        for (String name : CMS_FILES) {
            Files.copy(cmsDataFolder().resolve("cms-opendata-education").resolve(name),
                    folder.resolve(name));
        }
        Path broken = folder.resolve("4e_2012.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(broken));
        String[] fields = lines.get(4).split(",", -1);
        fields[6] = "oops"; // column 7 is pz1
        lines.set(4, String.join(",", fields));
        Files.write(broken, lines);
        Path output = temp.resolve("out");

        Outcome outcome = hepbridge("run", "--analysis", "cms-hzz4l", "--data",
                temp.resolve("data").toString(), "--output", output.toString());

        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("hepbridge: " + broken
                + ": line 5: column pz1: 'oops' is not a finite number"), outcome.err());
        assertEquals(0, filesIn(output));
        assertEquals(1, filesIn(temp), "only the copied data remain in the temporary folder");
    }

    @Test
    void atlasOnlyOptionsAndUnknownAnalysesAreUsageErrors() {
        Outcome selection = hepbridge("run", "--analysis", "cms-hzz4l", "--selection", "b");
        assertEquals(2, selection.exitCode());
        assertTrue(selection.err().contains("option --selection applies to --analysis"
                + " atlas-hzz4l only, not cms-hzz4l"), selection.err());

        Outcome files = hepbridge("run", "--analysis", "cms-hzz4l", "some.root");
        assertEquals(2, files.exitCode());
        assertTrue(files.err().contains("input files on the command line apply to --analysis"
                + " atlas-hzz4l only"), files.err());

        Outcome unknown = hepbridge("run", "--analysis", "cms-hzz");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown analysis 'cms-hzz'; known: atlas-hzz4l,"
                + " cms-hzz4l"), unknown.err());
    }

    private static List<String> strings(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @Test
    void inputsGivenTwiceOrSharingANameAreUsageErrors() throws Exception {
        Path real = TestData.atlas4lep("A");
        Path copy = Files.createDirectories(temp.resolve("copy")).resolve(real.getFileName());
        Files.copy(real, copy);
        String out = temp.resolve("out").toString();

        Outcome twice = hepbridge("run", "-o", out, real.toString(), real.toString());
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("input " + real + " is given twice"), twice.err());

        Outcome sameName = hepbridge("run", "-o", out, real.toString(), copy.toString());
        assertEquals(2, sameName.exitCode());
        assertTrue(sameName.err().contains("have the same file name"), sameName.err());
        assertEquals(0, filesIn(temp.resolve("out")));
    }

    @Test
    void aFolderOrFifoAsInputIsRefusedBeforeAnyReading() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("adir"));

        Outcome outcome = hepbridge("run", "-o", temp.resolve("out").toString(),
                folder.toString());

        assertEquals(1, outcome.exitCode());
        assertEquals("hepbridge: " + folder + ": not a regular file (a ROOT file is expected)",
                outcome.err().strip());
    }

    @Test
    void theOutputFolderMustBeARealFolderAwayFromTheData() throws Exception {
        Path data = dataFolder();

        Outcome intoData = hepbridge("run", "--data", data.toString(), "-o", data.toString());
        assertEquals(2, intoData.exitCode());
        assertTrue(intoData.err().contains("is the folder of the input data"), intoData.err());

        Outcome empty = hepbridge("run", "-o", "");
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("--output must name a folder"), empty.err());

        Outcome root = hepbridge("run", "-o", "/");
        assertEquals(2, root.exitCode());
        assertTrue(root.err().contains("is the file-system root"), root.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        Outcome selection = hepbridge("run", "--selection", "z");
        assertEquals(2, selection.exitCode());
        assertTrue(selection.err().contains("unknown selection 'z'; known: a, b, c"),
                selection.err());

        Outcome batch = hepbridge("run", "--batch-size", "0");
        assertEquals(2, batch.exitCode());
        assertTrue(batch.err().contains("batch size must be at least 1, got 0"), batch.err());

        Outcome unknown = hepbridge("run", "--frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
    }

    @Test
    void helpDocumentsEveryOption() {
        Outcome help = hepbridge("run", "--help");

        assertEquals(0, help.exitCode());
        for (String option : new String[] {"--analysis", "--data", "--output", "--selection",
            "--no-variations", "--batch-size", "--calibration", "--quiet"}) {
            assertTrue(help.out().contains(option), option);
        }
        assertFalse(help.out().isBlank());
    }
}
