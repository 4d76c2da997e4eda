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

    /** One of the ATLAS 2020 4lep data files, by period ("A" to "D"). */
    public static Path atlas4lep(String period) {
        return require("atlas-opendata-13tev-2020-4lep/data_" + period + ".4lep.root");
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
