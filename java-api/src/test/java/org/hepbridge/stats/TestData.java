package org.hepbridge.stats;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data: HEPBRIDGE_DATA, else ../shared/data beside the repository. */
final class TestData {

    private TestData() {
    }

    /** The file under the data directory; skips the test (fails it when CI=true) if missing. */
    static Path require(String relative) {
        String env = System.getenv("HEPBRIDGE_DATA");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : PythonOracle.moduleDir().getParent().resolveSibling("shared/data");
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("data file " + file + " is missing (CI=true)");
        }
        assumeTrue(Files.isRegularFile(file),
                "data file " + file + " not found; set HEPBRIDGE_DATA");
        return file;
    }
}
