package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hepbridge.testing.TestData;

/** Chunked reading returns exactly what one full read returns, with bounded memory. */
class IterateTest {
    private static final List<String> BRANCHES = List.of("NMuon", "Muon_Px", "Muon_E",
            "Jet_Px", "MET_px", "triggerIsoMu24");

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 1000, 5000})
    void chunksEqualTheFullRead(int chunk) throws Exception {
        Path p = TestData.require("scikit-hep-testdata/uproot-HZZ-zlib.root");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("events");
            try (VectorSchemaRoot all = t.read(a, BRANCHES);
                    ChunkIterator it = t.iterate(a, BRANCHES, chunk)) {
                long seen = 0;
                while (it.hasNext()) {
                    assertEquals(seen, it.position());
                    try (VectorSchemaRoot r = it.next()) {
                        assertEquals(Math.min(chunk, 2421 - seen), r.getRowCount());
                        for (String b : BRANCHES) {
                            for (int i = 0; i < r.getRowCount(); i++) {
                                assertEquals(all.getVector(b).getObject((int) seen + i),
                                        r.getVector(b).getObject(i), b + " entry " + (seen + i));
                            }
                        }
                        seen += r.getRowCount();
                    }
                }
                assertEquals(2421, seen);
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    @Test
    void chunkMemoryFollowsTheChunk() throws Exception {
        Path p = TestData.require("scikit-hep-testdata/uproot-HZZ-lz4.root");
        try (RootFile f = RootFile.open(p)) {
            TTree t = f.tree("events");
            List<String> all = new ArrayList<>();
            t.branches().forEach(b -> all.add(b.name()));
            long fullPeak;
            try (BufferAllocator a = new RootAllocator()) {
                t.read(a, all).close();
                fullPeak = a.getPeakMemoryAllocation();
            }
            try (BufferAllocator a = new RootAllocator();
                    ChunkIterator it = t.iterate(a, all, 50)) {
                while (it.hasNext()) {
                    it.next().close();
                }
                assertTrue(a.getPeakMemoryAllocation() * 10 < fullPeak, "chunk peak "
                        + a.getPeakMemoryAllocation() + " vs full " + fullPeak);
            }
        }
    }

    @Test
    void rejectsEmptyChunks() throws Exception {
        Path p = TestData.require("scikit-hep-testdata/uproot-HZZ-zlib.root");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            RootIOException e = assertThrows(RootIOException.class,
                    () -> f.tree("events").iterate(a, BRANCHES, 0));
            assertEquals(p + ": TTree 'events': chunk size 0 must be at least 1 entry",
                    e.getMessage());
        }
    }

    /**
     * A list column is allocated once at its final size: HZZ's Muon_Px holds about 1.6 values
     * per entry, so Arrow's default guess of 5 values per entry would have allocated a
     * transient child buffer three times too big, lifting the peak above what the root holds.
     */
    @Test
    void listColumnsPeakAtTheirFinalSize() throws Exception {
        Path p = TestData.require("scikit-hep-testdata/uproot-HZZ-zlib.root");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator();
                VectorSchemaRoot r = f.tree("events").read(a, List.of("Muon_Px"))) {
            assertEquals(a.getAllocatedMemory(), a.getPeakMemoryAllocation());
        }
    }
}
