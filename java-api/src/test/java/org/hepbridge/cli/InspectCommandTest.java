package org.hepbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.hepbridge.testing.TestData;

/** hepbridge inspect: keys, trees, branch types; errors as "hepbridge: file: object: what". */
class InspectCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new InspectCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void fourLep() {
        Path in = TestData.atlas4lep("A");
        assertEquals(0, run(in.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith(in + ": ROOT 61804\n  mini;1  TTree  \"mini\"\n"), text);
        assertTrue(text.contains("TTree mini;1 \"mini\": 39 entries, 81 branches, 0 unreadable"),
                text);
        assertTrue(text.matches("(?s).*\\n  lep_pt +vector<float> +list<float32> +39\\n.*"),
                text);
        assertTrue(text.matches("(?s).*\\n  lep_n +UInt_t +uint32 +39\\n.*"), text);
    }

    @Test
    void objects() {
        Path in = TestData.require("scikit-hep-testdata/uproot-HZZ-objects.root");
        assertEquals(0, run(in.toString()), err.toString());
        assertTrue(out.toString().matches("(?s).*\\n  MET +TVector2 +struct<fX: float64, fY: "
                + "float64> +2421\\n.*"), out.toString());
    }

    @Test
    void missingFile(@TempDir Path tmp) {
        Path p = tmp.resolve("none.root");
        assertEquals(1, run(p.toString()));
        assertEquals("hepbridge: " + p + ": file: no such file\n", err.toString());
    }
}
