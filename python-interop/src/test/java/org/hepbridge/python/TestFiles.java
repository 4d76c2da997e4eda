package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.data.DataLocator;

/** The real data files: missing ones fail under CI=true and skip, with the reason, elsewhere. */
final class TestFiles {
    private TestFiles() {
    }

    static List<Path> atlasData() {
        List<Path> files = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            Path file = DataLocator.resolve(Optional.empty()).resolve(relative);
            if (!Files.isRegularFile(file)) {
                String reason = "test data missing: " + file + " (set HEPBRIDGE_DATA)";
                if ("true".equals(System.getenv("CI"))) {
                    fail(reason);
                }
                assumeTrue(false, reason);
            }
            files.add(file);
        }
        return files;
    }
}
