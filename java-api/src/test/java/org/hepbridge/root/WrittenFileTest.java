package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hepbridge.testing.PythonOracle;

/**
 * Files written by uproot's TTree writer (src/test/python/write_test_file.py) in every codec:
 * sub-directories, two cycles of one key, all integer widths signed and unsigned, fixed and
 * counted arrays, char* strings (UTF-8), and for ZLIB and LZ4 a basket split into several
 * compressed blocks. Every branch except the big one is compared with uproot's reading.
 */
class WrittenFileTest {
    private static final List<String> CODECS = List.of("none", "zlib", "lz4", "zstd", "lzma");
    /** 2.1 million doubles: a 16.8 MB basket, beyond one 16 MiB (16777215 bytes) block. */
    private static final int BIG = 2_100_000;
    private static final List<String> TREES = List.of("dir/sub/t;1", "s");

    @TempDir
    static Path tmp;
    private static Map<String, JsonNode> dumps;

    private static Path file(String codec) {
        return tmp.resolve("written-" + codec + ".root");
    }

    private static boolean big(String codec) {
        return codec.equals("zlib") || codec.equals("lz4");
    }

    @BeforeAll
    static void writeAndDump() throws Exception {
        Path script = PythonOracle.script("write_test_file.py");
        List<String> cmd = new ArrayList<>(List.of(PythonOracle.interpreter().toString(),
                script.toString()));
        List<Path> files = new ArrayList<>();
        List<String> trees = new ArrayList<>();
        for (String c : CODECS) {
            cmd.add(file(c) + ":" + c + ":" + (big(c) ? BIG : 0));
            for (String t : TREES) {
                files.add(file(c));
                trees.add(t);
            }
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("write_test_file.py failed: " + log);
        }
        dumps = UprootOracle.dumpMany(files, trees, tmp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib", "lz4", "zstd", "lzma"})
    void everyBranchEqualsUproot(String codec) throws Exception {
        Path file = file(codec);
        try (RootFile f = RootFile.open(file); BufferAllocator a = new RootAllocator()) {
            boolean big = big(codec);
            assertEquals(big ? List.of("dir", "s", "big") : List.of("dir", "s"), f.keys());
            List<String> trees = f.allKeys().stream().filter(RootFile.KeyInfo::isTree)
                    .map(k -> k.path() + ";" + k.cycle()).toList();
            assertEquals(big ? List.of("dir/sub/t;1", "dir/sub/t;2", "s;1", "big;1")
                    : List.of("dir/sub/t;1", "dir/sub/t;2", "s;1"), trees);

            TTree latest = f.tree("dir/sub/t");
            assertEquals("second cycle", latest.title());
            assertEquals(7, latest.entries());
            TTree t = f.tree("dir/sub/t;1");
            assertEquals(500, t.entries());
            assertEquals(new ArrowType.Int(8, false), t.branch("u8").arrowType());
            assertEquals(new ArrowType.Int(64, false), t.branch("u64").arrowType());
            assertEquals(new ArrowType.FixedSizeList(3), t.branch("fx").arrowType());
            assertEquals("Double_t[nj]", t.branch("j").rootType());

            for (String tree : TREES) {
                compare(file, f.tree(tree), dumps.get(file + "|" + tree), a);
            }
            if (big) {
                checkBig(f.tree("big"), a);
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    /** v[i] = i, exactly representable, so the expected values need no oracle. */
    private static void checkBig(TTree t, BufferAllocator a) throws Exception {
        assertEquals(BIG, t.entries());
        try (VectorSchemaRoot r = t.read(a, List.of("v"))) {
            Float8Vector v = (Float8Vector) r.getVector("v");
            for (int i = 0; i < BIG; i++) {
                if (v.get(i) != i) {
                    fail("big.v[" + i + "] = " + v.get(i));
                }
            }
        }
    }

    private static void compare(Path file, TTree t, JsonNode dump, BufferAllocator a)
            throws Exception {
        assertEquals(0, dump.get("skipped").size(), dump.get("skipped").toString());
        List<String> names = t.branches().stream().map(BranchInfo::name).toList();
        assertEquals(dump.get("branches").size(), names.size(), t.name());
        try (VectorSchemaRoot r = t.read(a, names)) {
            for (String n : names) {
                for (Map.Entry<String, List<String>> c
                        : UprootOracle.columns(n, r.getVector(n)).entrySet()) {
                    UprootOracle.assertSame(file.getFileName() + " " + t.name() + " "
                            + c.getKey(), dump.get("branches").get(c.getKey()), r.getVector(n),
                            c.getValue());
                }
            }
        }
    }

    @Test
    void unknownPathsListNearestNames() throws Exception {
        Path file = file("zstd");
        try (RootFile f = RootFile.open(file)) {
            RootIOException e = assertThrows(RootIOException.class, () -> f.tree("dir/sub/u"));
            assertEquals(file + ": key 'u': no such key in dir/sub; nearest: t", e.getMessage());
            RootIOException c = assertThrows(RootIOException.class, () -> f.tree("dir/sub/t;3"));
            assertEquals(file + ": key 't;3': no such key in dir/sub; nearest: t;1, t;2",
                    c.getMessage());
            RootIOException d = assertThrows(RootIOException.class, () -> f.tree("s/x"));
            assertTrue(d.getMessage().startsWith(file + ": key 's': is a TTree, not a directory"),
                    d.getMessage());
        }
    }
}
