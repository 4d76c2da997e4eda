package org.hepbridge.python;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.testing.TestData;

/** The real data files: missing ones fail under CI=true and skip, with the reason, elsewhere. */
final class TestFiles {
    private TestFiles() {
    }

    static List<Path> atlasData() {
        List<Path> files = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            files.add(TestData.require(relative));
        }
        return files;
    }
}
