package org.hepbridge.hist;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python oracle script from {@code src/test/python} with the project's interpreter
 * ({@code HEPBRIDGE_PYTHON}, else {@code <repo root>/.venv/bin/python}). Without an interpreter
 * the calling test is skipped with the reason, or fails when {@code CI=true}.
 */
public final class PythonOracle {

    private static final long TIMEOUT_SECONDS = 120;

    private PythonOracle() {
    }

    /** The repository root: the nearest ancestor of the working directory with python-interop. */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("python-interop"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("PythonOracle: no python-interop directory above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The interpreter, after skipping (or failing on CI) when it does not exist. */
    public static Path python() {
        String env = System.getenv("HEPBRIDGE_PYTHON");
        Path py = env != null && !env.isBlank() ? Path.of(env)
                : repoRoot().resolve(".venv/bin/python");
        if (!Files.isExecutable(py)) {
            String reason = "Python oracle interpreter not found at " + py
                    + " (set HEPBRIDGE_PYTHON or create .venv from"
                    + " python-interop/requirements-test.txt)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return py;
    }

    /**
     * Runs {@code src/test/python/<script>} with the arguments; returns its standard output and
     * fails the test with both streams when the exit status is not 0.
     */
    public static String run(String script, String... args) throws IOException,
            InterruptedException {
        Path scriptPath = repoRoot().resolve("java-api/src/test/python").resolve(script);
        List<String> cmd = new ArrayList<>(List.of(python().toString(), scriptPath.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("oracle", ".err");
        Path out = Files.createTempFile("oracle", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("PythonOracle: " + script + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail("PythonOracle: " + script + " exited with " + p.exitValue() + "\nstdout:\n"
                        + stdout + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return stdout;
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }
}
