package org.hepbridge.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Data and python locations for the CLI tests (same rules as the reader's tests). */
final class CliTestData {
    private CliTestData() {
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("java-api")) && Files.exists(q.resolve("pom.xml"))) {
                return q;
            }
        }
        return p;
    }

    static Path file(String relative) {
        String env = System.getenv("HEPBRIDGE_DATA");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : repoRoot().resolve("../shared/data").normalize();
        return present(dir.resolve(relative), "data file");
    }

    static Path fourLep(String period) {
        return file("atlas-opendata-13tev-2020-4lep/data_" + period + ".4lep.root");
    }

    static Path python() {
        String env = System.getenv("HEPBRIDGE_PYTHON");
        return present(env != null && !env.isBlank() ? Path.of(env)
                : repoRoot().resolve(".venv/bin/python"), "python interpreter");
    }

    private static Path present(Path p, String what) {
        if (!Files.exists(p)) {
            String msg = what + " not found at " + p + " (set HEPBRIDGE_DATA/HEPBRIDGE_PYTHON)";
            if ("true".equals(System.getenv("CI"))) {
                fail(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }
}
