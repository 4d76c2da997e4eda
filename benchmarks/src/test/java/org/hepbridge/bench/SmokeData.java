package org.hepbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.bench.dump.ColumnDumpWriter;
import org.hepbridge.testing.TestData;

/**
 * The inputs of the smoke tests: the four ATLAS data files and the column dump written from
 * them once per test JVM. Missing data fails under CI (CI=true) and skips elsewhere, with the
 * reason.
 */
public final class SmokeData {
    private static Path dump;

    private SmokeData() {
    }

    /** The data files, in dump order. */
    public static List<Path> dataFiles() {
        List<Path> files = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            files.add(TestData.require(relative));
        }
        return files;
    }

    /** The dump of {@link #dataFiles()}, written on first use under {@link #workFolder()}. */
    public static synchronized Path dump() throws IOException {
        if (dump == null) {
            Path file = workFolder().resolve("atlas-4lep-2016.hbldump");
            ColumnDumpWriter.write(dataFiles(), file);
            dump = file;
        }
        return dump;
    }

    /** Scratch folder of the tests (the build sets hbl.bench.work). */
    public static Path workFolder() throws IOException {
        Path folder = Path.of(System.getProperty("hbl.bench.work", "target/smoke"));
        return Files.createDirectories(folder);
    }
}
