package org.hepbridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.hepbridge.testing.PythonOracle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2.29 GB ROOT file written by uproot (src/test/python/write_large_file.py), beyond 2^31
 * bytes: the large-file header, 64-bit key seeks and basket seeks past 2^31, every one of its
 * 88 million entries checked against closed formulas, ranges compared with uproot, memory
 * bounded by the chunk, and {@code hepbridge convert} to Parquet and Arrow IPC.
 *
 * <p>Tagged "large": 1-2 minutes and 4 GB of temporary disk (deleted afterwards), so the
 * normal build leaves it out; run it with {@code mvn -pl java-api test -Dgroups=large} (only
 * these tests) or {@code ./run-tests -Plarge-tests} (everything).
 */
@Tag("large")
class LargeFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PERIOD = LargeFileProbe.PERIOD;
    private static final long TWO_GIB = LargeFileProbe.TWO_GIB;
    /** 12 * 7 * 2^20: a multiple of 4, 7 and 2^20, so every pattern closes in the sums. */
    private static final long ENTRIES = 12L * 7 * PERIOD;
    /** 7 * 2^20 entries of the same content: 191 MB, for the file-size comparison. */
    private static final long SMALL_ENTRIES = 7L * PERIOD;
    private static final int BASKET = PERIOD;
    private static final int CHUNK = 1_000_000;
    private static final String HEAP = "-Xmx160m";

    @TempDir
    static Path tmp;
    private static Path big;
    private static Path small;
    private static JsonNode written;

    @BeforeAll
    static void writeFiles() throws Exception {
        big = tmp.resolve("big.root");
        small = tmp.resolve("small.root");
        Path script = PythonOracle.script("write_large_file.py");
        written = JSON.readTree(PythonOracle.run(script, big.toString(),
                String.valueOf(ENTRIES), String.valueOf(BASKET)));
        PythonOracle.run(script, small.toString(), String.valueOf(SMALL_ENTRIES),
                String.valueOf(BASKET));
    }

    @Test
    void theFileIsBeyondTwoGibWithALargeFileHeader() throws Exception {
        long size = Files.size(big);
        assertEquals(size, written.get("size").asLong());
        assertTrue(size > TWO_GIB, "file has only " + size + " bytes");

        // "root", fVersion (+1000000 when the seeks are 64-bit), fBEGIN, then fEND as 8 bytes.
        ByteBuffer h = ByteBuffer.allocate(20);
        try (FileChannel ch = FileChannel.open(big)) {
            ch.read(h, 0);
        }
        assertEquals("root", new String(h.array(), 0, 4, StandardCharsets.US_ASCII));
        int version = h.getInt(4);
        assertTrue(version > 1000000, "fVersion " + version);
        assertEquals(100, h.getInt(8), "fBEGIN");
        assertEquals(size, h.getLong(12), "fEND");
        try (RootFile f = RootFile.open(big)) {
            assertEquals(version - 1000000, f.rootVersion());
            assertEquals(ENTRIES, f.tree("events").entries());
        }
    }

    /**
     * The basket index (fBasketSeek, 64-bit) equals uproot's, every branch has baskets past
     * 2^31, and each of those starts with a key of version above 1000 whose 64-bit fSeekKey is
     * its own offset and whose fSeekPdir is the top directory (at fBEGIN = 100).
     */
    @Test
    void basketsBeyondTwoGibHaveSixtyFourBitKeys() throws Exception {
        try (RootFile f = RootFile.open(big)) {
            TTree t = f.tree("events");
            for (String name : LargeFileProbe.BRANCHES) {
                Branch b = t.find(name);
                JsonNode expected = written.get("seeks").get(name);
                assertEquals(expected.size(), b.writeBasket, name + " baskets");
                int beyond = 0;
                for (int i = 0; i < b.writeBasket; i++) {
                    assertEquals(expected.get(i).asLong(), b.basketSeek[i], name + " basket " + i);
                    if (b.basketSeek[i] >= TWO_GIB) {
                        checkKey(f, b, i);
                        beyond++;
                    }
                }
                assertTrue(beyond >= 4, name + " has " + beyond + " baskets past 2^31");
            }
        }
    }

    private static void checkKey(RootFile f, Branch b, int i) throws RootIOException {
        long seek = b.basketSeek[i];
        Key k = Key.read(RBuffer.ofFile(f.readAt(seek, 100, "test"), f.path(), "test", seek));
        String what = b.name + " basket " + i;
        assertTrue(k.version() > 1000, what + " key version " + k.version());
        assertEquals(seek, k.seekKey(), what + " fSeekKey");
        assertEquals(100, k.seekPdir(), what + " fSeekPdir");
        assertEquals("TBasket", k.className(), what);
        assertEquals(b.name, k.name(), what);
    }

    /**
     * Every entry through {@link TTree#iterate} in a child JVM with a 160 MiB heap (the file
     * is 13 times larger), each value checked against the formulas, the sums against closed
     * forms, and Arrow memory peaking at the chunk's size whatever the file's size.
     */
    @Test
    void everyEntryInChunksWithMemoryBoundedByTheChunk() throws Exception {
        JsonNode r = probe(big, CHUNK);
        assertEquals(0, r.get("mismatches").asLong(), r.get("firstMismatch").asText());
        assertEquals(ENTRIES, r.get("entries").asLong());
        assertEquals(89, r.get("chunks").asLong(), "88 full chunks of 10^6 and one of 80384");
        checkSums(r, ENTRIES);
        for (String name : LargeFileProbe.BRANCHES) {
            long first = r.get("beyond2GiB").get(name).asLong();
            assertEquals(firstEntryBeyondTwoGib(name), first, name);
            assertTrue(first > 0 && ENTRIES - first >= 4 * BASKET, name + ": " + first);
        }

        // Arrow memory: one chunk at a time, its buffers rounded up to powers of two.
        long chunkBytes = r.get("maxChunkBytes").asLong();
        long peak = r.get("allocatorPeak").asLong();
        assertEquals(0, r.get("allocatedAtEnd").asLong());
        assertTrue(peak <= 2 * chunkBytes, "peak " + peak + " for chunks of " + chunkBytes);

        // The same chunks from a file 12 times smaller peak at exactly the same memory ...
        JsonNode s = probe(small, CHUNK);
        assertEquals(0, s.get("mismatches").asLong(), s.get("firstMismatch").asText());
        checkSums(s, SMALL_ENTRIES);
        assertEquals(peak, s.get("allocatorPeak").asLong(), "peak, small file vs large file");

        // ... while chunks twice as long take about twice as much.
        JsonNode d = probe(big, 2 * CHUNK);
        assertEquals(0, d.get("mismatches").asLong(), d.get("firstMismatch").asText());
        double ratio = d.get("allocatorPeak").asDouble() / peak;
        assertTrue(ratio > 1.5 && ratio < 2.5, "peak ratio for doubled chunks " + ratio);
        System.out.printf("LargeFileTest: %d bytes, heap cap %s; chunks of %d: %.1f s, "
                + "decoded %d bytes, Arrow peak %d; small file: %.1f s, Arrow peak %d; chunks "
                + "of %d: Arrow peak %d%n", Files.size(big), HEAP, CHUNK,
                r.get("seconds").asDouble(), chunkBytes, peak, s.get("seconds").asDouble(),
                s.get("allocatorPeak").asLong(), 2 * CHUNK, d.get("allocatorPeak").asLong());
    }

    /**
     * Sums over entries 0..E-1 (E a multiple of 4, 7 and 2^20), by hand:
     * <ul>
     *   <li>x = i/2, so sum(2x) = sum(i) = E(E-1)/2 (E = 88080384: 3879076978753536);
     *   <li>n = i % 7 cycles through 0..6 (sum 21) E/7 times: 3E (264241152);
     *   <li>nj = len(j) = i % 4 cycles through 0..3 (sum 6) E/4 times: 1.5E (132120576);
     *   <li>j: with r = i % 2^20 = 4q + l, entry i holds r, ..., r+l-1, summing l*r +
     *       l(l-1)/2; for l = 0..3 that is 0 + (4q+1) + (8q+5) + (12q+12) = 24q + 18, over
     *       q = 0..Q-1 (Q = 2^18) 12Q(Q-1) + 18Q = 824635293696 per 2^20 entries, times
     *       E/2^20 = 84: 69269364670464.
     * </ul>
     */
    private static void checkSums(JsonNode r, long e) {
        long q = PERIOD / 4;
        assertEquals(e * (e - 1) / 2, r.get("xSumTwice").asLong(), "sum of 2x");
        assertEquals(3 * e, r.get("nSum").asLong(), "sum of n");
        assertEquals(3 * e / 2, r.get("jCount").asLong(), "number of j values");
        assertEquals(e / PERIOD * (12 * q * (q - 1) + 18 * q), r.get("jSum").asLong(), "sum of j");
    }

    @Test
    void closedFormsMatchTheHandComputation() {
        assertEquals(3879076978753536L, ENTRIES * (ENTRIES - 1) / 2);
        long q = PERIOD / 4;
        assertEquals(69269364670464L, ENTRIES / PERIOD * (12 * q * (q - 1) + 18 * q));
    }

    /** The first entry of the first basket uproot reports at or past 2^31 bytes. */
    private static long firstEntryBeyondTwoGib(String branch) {
        JsonNode seeks = written.get("seeks").get(branch);
        for (int i = 0; i < seeks.size(); i++) {
            if (seeks.get(i).asLong() >= TWO_GIB) {
                return (long) i * BASKET;
            }
        }
        return -1;
    }

    /**
     * Entries around the first basket past 2^31, at the start and at the end, read with
     * {@link TTree#read} for a range, equal uproot's reading bit for bit.
     */
    @Test
    void rangesAroundTheBoundaryEqualUproot() throws Exception {
        Set<String> ranges = new LinkedHashSet<>(List.of("0:3", (ENTRIES - 3) + ":" + ENTRIES));
        for (String name : LargeFileProbe.BRANCHES) {
            long b = firstEntryBeyondTwoGib(name);
            ranges.add((b - 3) + ":" + (b + 3));
        }
        List<String> args = new ArrayList<>(List.of(big.toString(), "events",
                String.join(",", LargeFileProbe.BRANCHES)));
        args.addAll(ranges);
        JsonNode oracle = JSON.readTree(PythonOracle.run(PythonOracle.script("uproot_ranges.py"),
                args.toArray(String[]::new)));
        assertEquals(ranges.size(), oracle.get("ranges").size());
        try (RootFile f = RootFile.open(big); BufferAllocator a = new RootAllocator()) {
            TTree t = f.tree("events");
            for (JsonNode range : oracle.get("ranges")) {
                long start = range.get("start").asLong();
                try (VectorSchemaRoot r = t.read(a, LargeFileProbe.BRANCHES, start,
                        range.get("stop").asLong())) {
                    compare(r, range, start);
                }
            }
            assertEquals(0, a.getAllocatedMemory());
        }
    }

    private static void compare(VectorSchemaRoot r, JsonNode u, long start) {
        Float8Vector x = (Float8Vector) r.getVector("x");
        IntVector n = (IntVector) r.getVector("n");
        IntVector nj = (IntVector) r.getVector("nj");
        ListVector j = (ListVector) r.getVector("j");
        Float4Vector jv = (Float4Vector) j.getDataVector();
        assertEquals(u.get("x").size(), r.getRowCount(), "rows from " + start);
        for (int k = 0; k < r.getRowCount(); k++) {
            String at = " of entry " + (start + k);
            assertEquals(u.get("x").get(k).asLong(), Double.doubleToRawLongBits(x.get(k)),
                    "x" + at);
            assertEquals(u.get("n").get(k).asInt(), n.get(k), "n" + at);
            assertEquals(u.get("nj").get(k).asInt(), nj.get(k), "nj" + at);
            assertEquals(u.get("j").get("offsets").get(k + 1).asInt(),
                    j.getOffsetBuffer().getInt((k + 1) * 4L), "j offsets" + at);
        }
        JsonNode values = u.get("j").get("values");
        assertEquals(values.size(), jv.getValueCount(), "j values from " + start);
        for (int m = 0; m < values.size(); m++) {
            assertEquals(values.get(m).asLong(), Float.floatToRawIntBits(jv.get(m)) & 0xffffffffL,
                    "j value " + m + " from entry " + start);
        }
    }

    /**
     * {@code hepbridge convert} to Parquet and to Arrow IPC in a child JVM with a 160 MiB
     * heap: pyarrow reads back every row and the same closed-form sums, and the process's peak
     * resident memory stays under 1 GiB (before the Parquet writer was held back it reached
     * 1.97 GB on this file).
     */
    @Test
    void convertWritesChunkByChunk() throws Exception {
        for (String ext : List.of("parquet", "arrow")) {
            Path out = tmp.resolve("big." + ext);
            Child c = runJava(HEAP, "org.hepbridge.cli.HepbridgeCli", "convert",
                    big + ":events", "--to", out.toString());
            assertEquals(0, c.exit(), c.stderr());
            assertEquals(out + ": wrote " + ENTRIES + " entries of 4 branches from " + big
                    + ":events\n", c.stdout());
            JsonNode sums = JSON.readTree(PythonOracle.run(
                    PythonOracle.script("columnar_sums.py"), out.toString()));
            assertEquals(ENTRIES, sums.get("rows").asLong(), ext);
            assertEquals(ENTRIES * (ENTRIES - 1) / 2, sums.get("x_twice").asLong(), ext);
            assertEquals(3 * ENTRIES, sums.get("n").asLong(), ext);
            assertEquals(3 * ENTRIES / 2, sums.get("nj").asLong(), ext);
            assertEquals(3 * ENTRIES / 2, sums.get("j_count").asLong(), ext);
            long q = PERIOD / 4;
            assertEquals(ENTRIES / PERIOD * (12 * q * (q - 1) + 18 * q), sums.get("j").asLong(),
                    ext);
            if (c.peakRssKb() >= 0) {
                assertTrue(c.peakRssKb() < 1 << 20, ext + ": peak RSS " + c.peakRssKb() + " kB");
            }
            System.out.printf("LargeFileTest: convert to %s: %.1f s, peak RSS %d kB, %d bytes%n",
                    ext, c.seconds(), c.peakRssKb(), Files.size(out));
            Files.delete(out);
        }
    }

    private static JsonNode probe(Path file, int chunk) throws Exception {
        Child c = runJava(HEAP, LargeFileProbe.class.getName(), file.toString(),
                String.valueOf(chunk));
        if (c.exit() != 0) {
            fail("LargeFileProbe " + file + " " + chunk + " exited " + c.exit() + ":\n"
                    + c.stderr());
        }
        return JSON.readTree(c.stdout());
    }

    /** A finished child JVM: exit status, output, time and peak resident set (-1: unknown). */
    private record Child(int exit, String stdout, String stderr, double seconds,
            long peakRssKb) {
    }

    /**
     * Runs a main class of this build in a new JVM with the given heap cap, sampling its peak
     * resident set (VmHWM, Linux only) every 100 ms until it exits.
     */
    private static Child runJava(String heap, String mainClass, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), heap,
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "child", ".out");
        Path err = Files.createTempFile(tmp, "child", ".err");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        long rss = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            rss = Math.max(rss, vmHwm(status));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail(mainClass + " did not finish in 300 s");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err), seconds,
                rss);
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1; // not Linux, or the process has just exited
        }
        return -1;
    }
}
