package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.dump.DumpColumn;

/**
 * Path (b), the hepbridge way: events stream through in batches of columns, and each tool is
 * called once per tile of the batch and variation through the safe FFM wrappers, on native
 * buffers it reads and writes in place. Java only copies the batch in (as a reader would fill
 * it) and fills the histograms from the tools' per-event outputs.
 *
 * <p>Memory is one batch of buffers plus one tile of per-variation outputs, whatever the
 * number of events. Owns its tools and buffers; close it. Not thread-safe.
 */
public final class BatchedPath implements AnalysisPath {
    private final LegacyTools tools;
    private final ReplicatedStream stream;
    private final BatchBuffers batch;
    private final TileBuffers tile;
    private final int variations = Hzz4lCounts.VARIATIONS.size();
    // Java copies of the per-event values the histograms need: triggers one batch long, the
    // tools' outputs one tile long.
    private final byte[] trigE;
    private final byte[] trigM;
    private final boolean[] triggered;
    private final int[] eventMask;
    private final int[] channel;
    private final double[] m4l;
    private final double[] m12;
    // Per variation of the current tile, the pt and E columns its selection and builder read:
    // the input columns, or the calibration's output in the tile buffers.
    private final MemorySegment[] ptOf;
    private final MemorySegment[] eOf;

    /** A path over {@code dump} (borrowed) in batches of {@code batchSize} events. */
    public BatchedPath(ColumnDump dump, Path calibrationFile, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchedPath: batch size must be >= 1, got "
                    + batchSize);
        }
        int tileEvents = Math.min(TILE_EVENTS, batchSize);
        this.tools = new LegacyTools(calibrationFile);
        this.stream = new ReplicatedStream(dump);
        this.batch = new BatchBuffers(batchSize, ReplicatedStream.maxLeptons(dump, batchSize));
        this.tile = new TileBuffers(tileEvents, ReplicatedStream.maxLeptons(dump, tileEvents),
                variations);
        this.trigE = new byte[batchSize];
        this.trigM = new byte[batchSize];
        this.triggered = new boolean[batchSize];
        this.eventMask = new int[tileEvents];
        this.channel = new int[tileEvents];
        this.m4l = new double[tileEvents];
        this.m12 = new double[tileEvents];
        this.ptOf = new MemorySegment[variations];
        this.eOf = new MemorySegment[variations];
    }

    @Override
    public String name() {
        return "batched";
    }

    /** Bytes of native memory of the batch and tile buffers. */
    public long bufferBytes() {
        return batch.bytes() + tile.bytes();
    }

    @Override
    public Hzz4lCounts run(long events) {
        Hzz4lCounts counts = new Hzz4lCounts();
        stream.rewind();
        for (long done = 0; done < events; done += batch.events) {
            stream.read((int) Math.min(batch.capacity, events - done), batch);
            readTriggers();
            for (int first = 0; first < batch.events; first += TILE_EVENTS) {
                runTile(first, Math.min(TILE_EVENTS, batch.events - first), counts);
            }
        }
        return counts;
    }

    /**
     * Events per round of tool calls. The batch (what the reader delivers and memory is sized
     * by) is worked through in tiles of this many events: every tool call of every variation
     * runs on one tile before the next, so the tile's columns (about 100 bytes per event) and
     * the tools' outputs stay in the core's caches. Over a whole batch of 1e4 or 1e5 events at
     * once, each call streamed the columns in from memory again, and the batched path ran at
     * 0.85-0.90 of the C++ event loop, against 0.98 with batches of 100
     * (benchmarks/RESULTS.md). Tiles of 64 to 512 events measured the same; the cost of a call
     * through the wrappers (under 0.1 us, DowncallBenchmark.selectWrapper at n = 1) is below
     * 1 ns per event at this size.
     */
    static final int TILE_EVENTS = 256;

    /**
     * Events [first, first + n) of the batch: each tool for every variation before the next
     * tool (the calibration for the eight variations, then the selection nine times, then the
     * builder nine times), each variation writing its own tile buffers. The tile's column
     * slices are then made once per tile, not once per variation; the native side is
     * indifferent to the order (hbl_batch_calls, tiles of 256: 302 ms per 1e5 events either
     * way), the Java side measured about 1 % faster (RESULTS.md).
     */
    private void runTile(int first, int n, Hzz4lCounts counts) {
        BatchBuffers b = batch;
        MemorySegment batchOffsets = b.in(DumpColumn.OFFSETS);
        int firstLepton = batchOffsets.getAtIndex(JAVA_INT, first);
        long leptons = batchOffsets.getAtIndex(JAVA_INT, first + n) - firstLepton;
        MemorySegment offsets = tile.offsets(batchOffsets, first, n, firstLepton);
        Slicer at = new Slicer(first, n, firstLepton, leptons);
        MemorySegment type = at.leptons(b.in(DumpColumn.TYPE));
        MemorySegment pt = at.leptons(b.in(DumpColumn.PT));
        MemorySegment eta = at.leptons(b.in(DumpColumn.ETA));
        MemorySegment e = at.leptons(b.in(DumpColumn.E));
        MemorySegment eventNumber = at.events(b.in(DumpColumn.EVENT_NUMBER), 4);
        // A calibration tool asked for NOMINAL returns its input (the 2020 ntuples are
        // already calibrated), so each tool is called for its own variations only, and the
        // nominal selection and candidates read the input pt and E columns themselves.
        for (int v = 0; v < variations; v++) {
            ptOf[v] = pt;
            eOf[v] = e;
            if (varies(tools.electronVariation[v])) {
                tools.electrons.calibrate(tools.electronVariation[v], n, offsets, eventNumber,
                        type, pt, eta, e, tile.pt[v], tile.e[v]);
                ptOf[v] = tile.pt[v];
                eOf[v] = tile.e[v];
            } else if (varies(tools.muonVariation[v])) {
                tools.muons.calibrate(tools.muonVariation[v], n, offsets, eventNumber, type, pt,
                        eta, e, tile.pt[v], tile.e[v]);
                ptOf[v] = tile.pt[v];
                eOf[v] = tile.e[v];
            }
        }
        MemorySegment ptcone30 = at.leptons(b.in(DumpColumn.PTCONE30));
        MemorySegment etcone20 = at.leptons(b.in(DumpColumn.ETCONE20));
        MemorySegment d0 = at.leptons(b.in(DumpColumn.D0));
        MemorySegment d0Sigma = at.leptons(b.in(DumpColumn.D0_SIGMA));
        MemorySegment z0 = at.leptons(b.in(DumpColumn.Z0));
        for (int v = 0; v < variations; v++) {
            tools.selection.select(leptons, type, ptOf[v], eta, ptcone30, etcone20, d0, d0Sigma,
                    z0, tile.leptonMask[v]);
        }
        MemorySegment charge = at.leptons(b.in(DumpColumn.CHARGE));
        MemorySegment phi = at.leptons(b.in(DumpColumn.PHI));
        for (int v = 0; v < variations; v++) {
            tools.builder.build(n, offsets, type, charge, ptOf[v], eta, phi, eOf[v],
                    tile.leptonMask[v], tile.eventMask[v], tile.channel[v], tile.m4l[v],
                    tile.m12[v], tile.m34, tile.leptonIndex);
        }
        for (int v = 0; v < variations; v++) {
            fill(v, first, n, counts);
        }
    }

    private static boolean varies(String variation) {
        return !variation.equals("NOMINAL");
    }

    /** Slices of the batch's columns for events [first, first + events) and their leptons. */
    private record Slicer(int first, int events, long firstLepton, long leptons) {
        MemorySegment events(MemorySegment column, long bytesPerEvent) {
            return column.asSlice(first * bytesPerEvent, events * bytesPerEvent);
        }

        /** Every per-lepton column holds 4-byte values. */
        MemorySegment leptons(MemorySegment column) {
            return column.asSlice(4 * firstLepton, 4 * leptons);
        }
    }

    // The tools' per-event outputs come over into Java arrays in bulk, and the loop runs on
    // arrays. A loop reading the segments element by element made C2's profiled loop
    // predicates fail on every large batch (-XX:+LogCompilation: profile_predicate traps at the
    // loop head), so each batch of 1e5 events ran mostly interpreted and the method was
    // recompiled over and over.
    private void fill(int v, int first, int events, Hzz4lCounts counts) {
        MemorySegment.copy(tile.eventMask[v], JAVA_INT, 0, eventMask, 0, events);
        MemorySegment.copy(tile.channel[v], JAVA_INT, 0, channel, 0, events);
        MemorySegment.copy(tile.m4l[v], JAVA_DOUBLE, 0, m4l, 0, events);
        MemorySegment.copy(tile.m12[v], JAVA_DOUBLE, 0, m12, 0, events);
        for (int i = 0; i < events; i++) {
            if (triggered[first + i] && eventMask[i] == 0) {
                counts.fill(v, channel[i], m4l[i], m12[i]);
            }
        }
    }

    private void readTriggers() {
        int events = batch.events;
        MemorySegment.copy(batch.in(DumpColumn.TRIG_E), JAVA_BYTE, 0, trigE, 0, events);
        MemorySegment.copy(batch.in(DumpColumn.TRIG_M), JAVA_BYTE, 0, trigM, 0, events);
        for (int i = 0; i < events; i++) {
            triggered[i] = trigE[i] != 0 || trigM[i] != 0;
        }
    }

    @Override
    public void close() {
        tile.close();
        batch.close();
        tools.close();
    }
}
