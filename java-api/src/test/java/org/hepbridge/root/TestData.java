package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the shared data folder and the venv python; skips or fails (under CI) if absent. */
final class TestData {
    private TestData() {
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("java-api")) && Files.exists(q.resolve("pom.xml"))) {
                return q;
            }
        }
        return p;
    }

    static Path dataDir() {
        String env = System.getenv("HEPBRIDGE_DATA");
        return env != null && !env.isBlank() ? Path.of(env)
                : repoRoot().resolve("../shared/data").normalize();
    }

    /** A data file; skips the test (fails under CI=true) when it is missing. */
    static Path file(String relative) {
        Path p = dataDir().resolve(relative);
        requirePresent(p, "data file");
        return p;
    }

    static Path fourLep(String period) {
        return file("atlas-opendata-13tev-2020-4lep/data_" + period + ".4lep.root");
    }

    static Path python() {
        String env = System.getenv("HEPBRIDGE_PYTHON");
        Path p = env != null && !env.isBlank() ? Path.of(env)
                : repoRoot().resolve(".venv/bin/python");
        requirePresent(p, "python interpreter (venv with uproot)");
        return p;
    }

    private static void requirePresent(Path p, String what) {
        if (Files.exists(p)) {
            return;
        }
        String msg = what + " not found at " + p
                + " (set HEPBRIDGE_DATA / HEPBRIDGE_PYTHON)";
        if ("true".equals(System.getenv("CI"))) {
            fail(msg);
        }
        Assumptions.abort(msg);
    }
}
