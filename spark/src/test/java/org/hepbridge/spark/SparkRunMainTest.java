package org.hepbridge.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hepbridge-spark command line: exit codes, output folder, summary and errors. */
class SparkRunMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SparkRunMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsTheMasterOption() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--master=URL"), out.toString());
    }

    @Test
    void versionNamesTheSparkRelease() {
        assertEquals(0, run("--version"));
        // The release pinned in spark/pom.xml.
        assertTrue(out.toString().contains("Apache Spark 4.2.0"), out.toString());
    }

    @Test
    void unknownSelectionIsAUsageError() {
        assertEquals(2, run("--selection", "x"));
        assertTrue(err.toString().startsWith("unknown selection 'x'; known: a, b, c"),
                err.toString());
    }

    @Test
    void runsTheFourFilesAndWritesTheOutputFolder(@TempDir Path tmp) throws Exception {
        TestData.atlas4lep("A");
        Path output = tmp.resolve("out");
        assertEquals(0, run("-q", "--no-variations", "--data", TestData.folder().toString(),
                "-o", output.toString()), err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals("Cutflow (selection c): data_A.4lep.root, data_B.4lep.root,"
                + " data_C.4lep.root, data_D.4lep.root, total", lines[0]);
        // Last cutflow step: per file and total, from the independent uproot implementation.
        assertTrue(out.toString().matches("(?s).*flavours 4e, 4mu or 2e2mu +18 +52 +93 +158"
                + " +321\n.*"), out.toString());
        assertTrue(out.toString().contains("Fit in [110, 160) GeV"), out.toString());
        assertTrue(Files.isRegularFile(output.resolve("summary.json")));
        assertTrue(Files.isRegularFile(output.resolve("selected_events.arrow")));
    }

    @Test
    void missingFileFailsWithItsName(@TempDir Path tmp) {
        String missing = tmp.resolve("data_Z.4lep.root").toString();
        assertEquals(1, run("-q", "-o", tmp.resolve("out").toString(), missing));
        assertEquals("hepbridge-spark: SparkHzzAnalysis: input " + missing
                + ": no such file on Spark executor driver", err.toString().strip());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    // As 'hepbridge run' does: two inputs with one file name are a usage error (2), found
    // before a Spark context is started, not a failed run (1).
    @Test
    void sameFileNameTwiceIsAUsageError(@TempDir Path tmp) {
        String a = tmp.resolve("x/data_A.4lep.root").toString();
        String b = tmp.resolve("y/data_A.4lep.root").toString();
        assertEquals(2, run("-q", "-o", tmp.resolve("out").toString(), a, b));
        assertTrue(err.toString().startsWith("SparkHzzAnalysis: inputs " + a + " and " + b
                + " have the same file name, which labels results; rename one\n"),
                err.toString());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    // Spark checks the master URL only while it starts; a URL it cannot use is still a bad
    // option: exit 2, one message naming it, no output folder.
    @Test
    void unusableMasterIsAUsageError(@TempDir Path tmp) {
        String input = TestData.atlas4lep("A").toString();
        assertEquals(2, run("-q", "--master", "bogus://x", "-o", tmp.resolve("out").toString(),
                input));
        assertTrue(err.toString().startsWith("--master bogus://x: Could not parse Master URL:"
                + " 'bogus://x'\n"), err.toString());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }
}
