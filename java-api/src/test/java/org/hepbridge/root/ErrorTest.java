package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hepbridge.testing.TestData;

/** Missing, foreign, truncated files and unknown names fail with useful messages. */
class ErrorTest {
    @TempDir
    Path tmp;

    @Test
    void missingFile() {
        Path p = tmp.resolve("nothing.root");
        RootIOException e = assertThrows(RootIOException.class, () -> RootFile.open(p));
        assertEquals(p + ": file: no such file", e.getMessage());
    }

    @Test
    void notARootFile() throws Exception {
        Path p = tmp.resolve("text.root");
        Files.writeString(p, "hello, this is not ROOT\n");
        RootIOException e = assertThrows(RootIOException.class, () -> RootFile.open(p));
        assertEquals(p + ": file header: not a ROOT file: starts with \"hell\", expected"
                + " \"root\" (offset 0)", e.getMessage());
    }

    @Test
    void emptyFile() throws Exception {
        Path p = tmp.resolve("empty.root");
        Files.write(p, new byte[0]);
        RootIOException e = assertThrows(RootIOException.class, () -> RootFile.open(p));
        assertEquals(p + ": file header: not a ROOT file: only 0 bytes (offset 0)",
                e.getMessage());
    }

    /** Every truncation point of a real file fails cleanly, naming the file and an offset. */
    @Test
    void truncatedCopies() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.atlas4lep("A"));
        int[] cuts = {10, 60, 100, 1000, whole.length / 2, whole.length - 500, whole.length - 1};
        for (int cut : cuts) {
            Path p = tmp.resolve("cut" + cut + ".root");
            Files.write(p, Arrays.copyOf(whole, cut));
            RootIOException e = assertThrows(RootIOException.class, () -> readEverything(p),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
            assertTrue(e.getMessage().matches(".*\\(offset \\d+\\)$"), e.getMessage());
        }
    }

    @Test
    void truncatedFileNamesTheMissingRange() throws Exception {
        byte[] whole = Files.readAllBytes(TestData.atlas4lep("A"));
        Path p = tmp.resolve("half.root");
        Files.write(p, Arrays.copyOf(whole, whole.length / 2));
        RootIOException e = assertThrows(RootIOException.class, () -> RootFile.open(p));
        // The header's fEND still says 25826 bytes, the whole file size.
        assertEquals(p + ": file header: fEND = 25826 is beyond the file size 12913 "
                + "(truncated file?) (offset 12)", e.getMessage());
    }

    private static void readEverything(Path p) throws Exception {
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("mini");
            List<String> names = t.branches().stream().map(BranchInfo::name).toList();
            t.read(a, names).close();
        }
    }

    @Test
    void unknownTreeListsNearestKeys() throws Exception {
        Path p = TestData.atlas4lep("A");
        try (RootFile f = RootFile.open(p)) {
            RootIOException e = assertThrows(RootIOException.class, () -> f.tree("mimi"));
            assertEquals(p + ": key 'mimi': no such key in top directory; nearest: mini",
                    e.getMessage());
        }
    }

    @Test
    void unknownBranchListsNearestNames() throws Exception {
        Path p = TestData.atlas4lep("A");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("mini");
            RootIOException e = assertThrows(RootIOException.class, () -> t.branch("lep_ptt"));
            assertTrue(e.getMessage().startsWith(p + ": TTree 'mini': no branch 'lep_ptt'; "
                    + "nearest: lep_pt, "), e.getMessage());
            RootIOException r = assertThrows(RootIOException.class,
                    () -> t.read(a, List.of("lep_pt", "lep_ptt")));
            assertEquals(e.getMessage(), r.getMessage());
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    @Test
    void invalidRange() throws Exception {
        Path p = TestData.atlas4lep("A");
        try (RootFile f = RootFile.open(p); BufferAllocator a = new RootAllocator()) {
            RootIOException e = assertThrows(RootIOException.class,
                    () -> f.tree("mini").read(a, List.of("lep_pt"), 5, 40));
            assertEquals(p + ": TTree 'mini': invalid entry range [5, 40): the tree has 39 "
                    + "entries", e.getMessage());
        }
    }
}
