package org.hepbridge.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hepbridge.data.DataLocator;

/**
 * Finds the real data files tests need. A missing file fails the test under CI (environment
 * variable CI=true, where the data must be present) and skips it, with the reason, elsewhere.
 */
public final class TestData {
    private TestData() {
    }

    /** The data folder the tests use ($HEPBRIDGE_DATA, set by the build, or the default). */
    public static Path folder() {
        return DataLocator.resolve(Optional.empty());
    }

    /** A data file by its path relative to the data folder. */
    public static Path require(String relative) {
        Path file = folder().resolve(relative);
        if (!Files.isRegularFile(file)) {
            String reason = "test data missing: " + file + " (set HEPBRIDGE_DATA)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        return file;
    }
}
