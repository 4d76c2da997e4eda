package org.hepbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.TTree;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The reader behind Parquet conversion waits while the writer holds earlier chunks, and never
 * waits for a writer that stopped releasing memory. A buffer taken from the reader's allocator
 * stands in for batches the native writer keeps.
 */
class ChunkReaderTest {
    private static final List<String> BRANCHES = List.of("NMuon", "Muon_Px");

    @Test
    void waitsUntilTheWriterReleasesEarlierChunks() throws Exception {
        Path p = TestData.require("scikit-hep-testdata/uproot-HZZ-zlib.root");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("events");
            try (ChunkReader r = new ChunkReader(a, t, BRANCHES, 100, 1, 60_000)) {
                r.getVectorSchemaRoot(); // what a writer calls first: reads the schema
                assertTrue(r.loadNextBatch());
                ArrowBuf held = a.buffer(1 << 20);
                Thread writer = new Thread(() -> {
                    sleep(300);
                    held.close();
                });
                long t0 = System.nanoTime();
                writer.start();
                assertTrue(r.loadNextBatch());
                long waited = (System.nanoTime() - t0) / 1_000_000;
                writer.join();
                assertTrue(waited >= 250, "waited only " + waited + " ms");
                assertEquals(200, r.rows());
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    @Test
    void goesOnWhenTheWriterStopsReleasing() throws Exception {
        Path p = TestData.require("scikit-hep-testdata/uproot-HZZ-zlib.root");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("events");
            try (ChunkReader r = new ChunkReader(a, t, BRANCHES, 1000, 1, 200);
                    ArrowBuf held = a.buffer(1 << 20)) {
                r.getVectorSchemaRoot();
                long t0 = System.nanoTime();
                int batches = 0;
                while (r.loadNextBatch()) {
                    batches++;
                }
                long waited = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(3, batches, "2421 entries in chunks of 1000");
                assertEquals(2421, r.rows());
                // Each of the three reads finds 1 MiB held, far above 4 chunks of 1000
                // entries, sees it never shrink and goes on after 200 ms.
                assertTrue(waited >= 550 && waited < 30_000, "took " + waited + " ms");
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
