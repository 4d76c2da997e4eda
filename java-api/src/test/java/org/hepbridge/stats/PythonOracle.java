package org.hepbridge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs a Python oracle script from src/test/python/stats and parses its JSON output. */
final class PythonOracle {

    private PythonOracle() {
    }

    /** The module directory; surefire runs tests with it as the working directory. */
    static Path moduleDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    static Path python() {
        String env = System.getenv("HEPBRIDGE_PYTHON");
        Path py = env != null && !env.isBlank() ? Path.of(env)
                : moduleDir().getParent().resolve(".venv/bin/python");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(py) && ci) {
            throw new AssertionError("Python oracle: interpreter " + py + " is missing (CI=true)");
        }
        assumeTrue(Files.isExecutable(py), "Python oracle: interpreter " + py
                + " not found; set HEPBRIDGE_PYTHON or create .venv");
        return py;
    }

    static JsonNode run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python().toString());
        cmd.add(moduleDir().resolve("src/test/python/stats").resolve(script).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Python oracle " + script + " timed out");
        }
        assertEquals(0, p.exitValue(), () -> "Python oracle " + script + " failed: "
                + new String(err, StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out);
    }
}
