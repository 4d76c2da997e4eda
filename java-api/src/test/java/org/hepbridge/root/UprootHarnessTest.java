package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.hepbridge.testing.TestData;

/**
 * For every ROOT file in the data folder and every TTree in it, every branch uproot can turn
 * into an array is read by hepbridge too and compared value by value (integers exactly, floats
 * bit for bit). Branches hepbridge declares unsupported are counted and listed, never compared
 * loosely; a branch hepbridge reads but uproot cannot is counted as well.
 */
class UprootHarnessTest {
    private static final Map<String, int[]> COUNTS = new TreeMap<>();
    private static final List<String> UNSUPPORTED = new ArrayList<>();

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyTreeOfEveryFile() throws IOException {
        Path data = TestData.folder();
        TestData.require("atlas-opendata-13tev-2020-4lep/data_A.4lep.root");
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.toString().endsWith(".root")).sorted().toList();
        }
        assertTrue(files.size() >= 18, "expected the 18 ROOT files of SOURCES.md: " + files);
        List<Path> jobFiles = new ArrayList<>();
        List<String> jobTrees = new ArrayList<>();
        for (Path f : files) {
            for (String t : trees(f)) {
                jobFiles.add(f);
                jobTrees.add(t);
            }
        }
        Map<String, JsonNode> dumps = dumpAll(jobFiles, jobTrees);
        return files.stream().map(f -> DynamicTest.dynamicTest(data.relativize(f).toString(),
                () -> compareFile(f, dumps)));
    }

    private static List<String> trees(Path file) {
        List<String> out = new ArrayList<>();
        try (RootFile f = RootFile.open(file)) {
            for (RootFile.KeyInfo k : f.allKeys()) {
                if (k.isTree()) {
                    out.add(k.path() + ";" + k.cycle());
                }
            }
        } catch (RootIOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, JsonNode> dumpAll(List<Path> files, List<String> trees) {
        try {
            return UprootOracle.dumpMany(files, trees, tmp);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void compareFile(Path file, Map<String, JsonNode> dumps) throws Exception {
        try (RootFile f = RootFile.open(file)) {
            for (String t : trees(file)) {
                compareTree(file, f.tree(t), dumps.get(file + "|" + t));
            }
        }
    }

    private void compareTree(Path file, TTree t, JsonNode dump) throws Exception {
        JsonNode expected = dump.get("branches");
        int[] c = new int[4]; // compared, equal, unsupported, only hepbridge
        List<String> names = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            if (!b.readable()) {
                c[2]++;
                UNSUPPORTED.add(file.getFileName() + " " + b.name() + ": " + b.unsupported());
            } else {
                names.add(b.name());
            }
        }
        try (BufferAllocator a = new RootAllocator();
                VectorSchemaRoot r = t.read(a, names)) {
            for (String n : names) {
                FieldVector v = r.getVector(n);
                Map<String, List<String>> cols = UprootOracle.columns(n, v);
                for (Map.Entry<String, List<String>> col : cols.entrySet()) {
                    JsonNode e = expected.get(col.getKey());
                    if (e == null) {
                        assertTrue(dump.get("skipped").has(n), file + ": uproot neither read "
                                + "nor skipped " + col.getKey());
                        c[3]++;
                        continue;
                    }
                    c[0]++;
                    UprootOracle.assertSame(file.getFileName() + " " + col.getKey(), e, v,
                            col.getValue());
                    c[1]++;
                }
            }
        }
        checkUprootColumnsCovered(file, t, expected);
        synchronized (COUNTS) {
            COUNTS.put(file.getFileName() + ":" + t.name(), c);
        }
    }

    /** Every column uproot produced belongs to a branch hepbridge read or declared unsupported. */
    private static void checkUprootColumnsCovered(Path file, TTree t, JsonNode expected)
            throws RootIOException {
        for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
            String col = it.next();
            String branch = col;
            while (true) {
                try {
                    t.branch(branch);
                    break;
                } catch (RootIOException e) {
                    int dot = branch.lastIndexOf('.');
                    if (dot < 0) {
                        throw e;
                    }
                    branch = branch.substring(0, dot);
                }
            }
        }
    }

    @AfterAll
    static void report() {
        int[] total = new int[4];
        StringBuilder sb = new StringBuilder("uproot comparison (compared/equal/unsupported"
                + "/hepbridge-only):\n");
        COUNTS.forEach((k, v) -> {
            sb.append(String.format("  %-60s %5d %5d %5d %5d%n", k, v[0], v[1], v[2], v[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += v[i];
            }
        });
        sb.append(String.format("  %-60s %5d %5d %5d %5d%n", "TOTAL", total[0], total[1],
                total[2], total[3]));
        UNSUPPORTED.forEach(u -> sb.append("  unsupported: ").append(u).append('\n'));
        System.out.print(sb);
    }
}
