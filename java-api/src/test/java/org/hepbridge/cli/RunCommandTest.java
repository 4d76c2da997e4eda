package org.hepbridge.cli;

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
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
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
