package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hepbridge python}: exit codes and the traceback of a failing script. */
class GraalPyCommandTest {
    @TempDir
    Path folder;

    @Test
    void aMissingScriptIsAUsageError() {
        assertEquals(2, GraalPyCommand.execute(folder.resolve("absent.py").toString()));
    }

    @Test
    void aScriptThatRaisesExitsWithOneAndATracebackNamingTheLine() throws Exception {
        Path script = folder.resolve("fails.py");
        Files.writeString(script, "def check(n):\n    raise ValueError(f'bad n={n}')\n\n"
                + "check(3)\n");
        System.setProperty(GraalPyCommand.PACKAGE_PROPERTY, Path.of("python").toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = GraalPyCommand.execute(script.toString());
        } finally {
            System.setErr(saved);
            System.clearProperty(GraalPyCommand.PACKAGE_PROPERTY);
        }

        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertTrue(text.contains("File \"" + script + "\", line 4, in <module>"), text);
        assertTrue(text.contains("File \"" + script + "\", line 2, in check"), text);
        assertTrue(text.strip().endsWith("ValueError: bad n=3"), text);
    }
}
