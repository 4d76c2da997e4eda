package org.hepbridge.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python oracle script (uproot, hist, pyhf...) from the pinned test environment and
 * returns its standard output. The interpreter is $HEPBRIDGE_PYTHON, else .venv/bin/python at
 * the repository root; a missing interpreter fails under CI and skips elsewhere.
 */
public final class PythonOracle {
    private static final long TIMEOUT_SECONDS = 300;

    private PythonOracle() {
    }

    /** The Python interpreter of the test environment. */
    public static Path interpreter() {
        String configured = System.getenv("HEPBRIDGE_PYTHON");
        Path python = configured != null && !configured.isBlank() ? Path.of(configured)
                : repositoryRoot().resolve(".venv/bin/python");
        if (!Files.isExecutable(python)) {
            String reason = "Python test environment missing: " + python
                    + " (run ./run-tests, which creates it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return python;
    }

    /** The script under java-api/src/test/python. */
    public static Path script(String name) {
        return repositoryRoot().resolve("java-api/src/test/python").resolve(name);
    }

    /** Runs {@code script args...}; fails the test with its stderr if it exits non-zero. */
    public static String run(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(interpreter().toString(),
                script.toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("hepbridge-oracle", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("oracle " + script.getFileName() + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                fail("oracle " + command + " exited " + process.exitValue() + ":\n"
                        + Files.readString(stderr));
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    /** The checkout: the nearest ancestor of the working directory holding .ci/run. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".ci/run"))) {
                return p;
            }
        }
        return here.getParent();
    }
}
