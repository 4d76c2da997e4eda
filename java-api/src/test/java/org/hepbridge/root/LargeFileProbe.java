package org.hepbridge.root;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * Reads a file written by src/test/python/write_large_file.py with {@link TTree#iterate},
 * checks every value against the formulas the script documents and prints one JSON line of
 * what {@link LargeFileTest} asserts: sums, mismatches, the Arrow allocator's peak, the
 * largest chunk's decoded size and, per branch, the first entry stored beyond 2^31 bytes.
 *
 * <p>Runs in its own JVM (usage: {@code LargeFileProbe FILE CHUNK_ENTRIES}) so that the test
 * can cap the heap with -Xmx: the read succeeding under the cap is the heap bound.
 */
public final class LargeFileProbe {
    static final List<String> BRANCHES = List.of("x", "n", "nj", "j");
    static final int PERIOD = 1 << 20;
    static final long TWO_GIB = 1L << 31;

    private long xTwice;
    private long nSum;
    private long jCount;
    private long jSum;
    private long mismatches;
    private String firstMismatch = "";

    private LargeFileProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long chunk = Long.parseLong(args[1]);
        long t0 = System.nanoTime();
        try (RootFile f = RootFile.open(file)) {
            TTree t = f.tree("events");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("entries", t.entries());
            out.put("beyond2GiB", firstEntriesBeyond2GiB(t));
            new LargeFileProbe().read(t, chunk, out);
            out.put("maxHeap", Runtime.getRuntime().maxMemory());
            out.put("seconds", (System.nanoTime() - t0) / 1e9);
            System.out.println(new ObjectMapper().writeValueAsString(out));
        }
    }

    private void read(TTree t, long chunk, Map<String, Object> out) throws Exception {
        long maxChunkBytes = 0;
        long chunks = 0;
        long atEnd;
        long peak;
        try (BufferAllocator a = new RootAllocator();
                ChunkIterator it = t.iterate(a, BRANCHES, chunk)) {
            while (it.hasNext()) {
                long first = it.position();
                try (VectorSchemaRoot r = it.next()) {
                    maxChunkBytes = Math.max(maxChunkBytes, decodedBytes(r));
                    check(r, first);
                    chunks++;
                }
            }
            it.close();
            atEnd = a.getAllocatedMemory();
            peak = a.getPeakMemoryAllocation();
        }
        out.put("chunks", chunks);
        out.put("maxChunkBytes", maxChunkBytes);
        out.put("allocatorPeak", peak);
        out.put("allocatedAtEnd", atEnd);
        out.put("xSumTwice", xTwice);
        out.put("nSum", nSum);
        out.put("jCount", jCount);
        out.put("jSum", jSum);
        out.put("mismatches", mismatches);
        out.put("firstMismatch", firstMismatch);
    }

    /** Bytes of Arrow buffers the chunk holds (what its decoded columns occupy). */
    static long decodedBytes(VectorSchemaRoot r) {
        long n = 0;
        for (FieldVector v : r.getFieldVectors()) {
            n += v.getBufferSize();
        }
        return n;
    }

    private void check(VectorSchemaRoot r, long first) {
        Float8Vector x = (Float8Vector) r.getVector("x");
        IntVector n = (IntVector) r.getVector("n");
        IntVector nj = (IntVector) r.getVector("nj");
        ListVector j = (ListVector) r.getVector("j");
        Float4Vector jv = (Float4Vector) j.getDataVector();
        for (int k = 0; k < r.getRowCount(); k++) {
            long i = first + k;
            double xv = x.get(k);
            // x = i/2 is exact in a double; summing 2x keeps the total an exact long.
            xTwice += (long) (xv * 2);
            expect(xv == i * 0.5, i, "x", xv);
            int nv = n.get(k);
            nSum += nv;
            expect(nv == i % 7, i, "n", nv);
            int len = nj.get(k);
            expect(len == i % 4, i, "nj", len);
            int from = j.getOffsetBuffer().getInt(k * 4L);
            int to = j.getOffsetBuffer().getInt((k + 1) * 4L);
            expect(to - from == i % 4, i, "len(j)", to - from);
            for (int m = from; m < to; m++) {
                float v = jv.get(m);
                jSum += (long) v;
                jCount++;
                expect(v == (float) (i % PERIOD + m - from), i, "j[" + (m - from) + "]", v);
            }
        }
    }

    private void expect(boolean ok, long entry, String what, Object got) {
        if (!ok) {
            if (mismatches == 0) {
                firstMismatch = what + " of entry " + entry + " is " + got;
            }
            mismatches++;
        }
    }

    /** Per branch, the first entry of the first basket whose key starts at or after 2^31. */
    static Map<String, Long> firstEntriesBeyond2GiB(TTree t) throws RootIOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : BRANCHES) {
            Branch b = t.find(name);
            long first = -1;
            for (int i = 0; i < b.writeBasket && first < 0; i++) {
                if (b.basketSeek[i] >= TWO_GIB) {
                    first = b.basketEntry[i];
                }
            }
            out.put(name, first);
        }
        return out;
    }
}
