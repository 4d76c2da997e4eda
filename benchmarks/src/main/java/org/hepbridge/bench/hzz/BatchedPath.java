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
 * called once per tile of the batch and variation through the safe FFM wrappers (two or three
 * downcalls per tile and variation), on native buffers it reads and writes in place. Java
 * only copies the batch in (as a reader would fill it) and fills the histograms from the
 * tools' per-event outputs.
 *
 * <p>Memory is one batch of buffers, whatever the number of events. Owns its tools and
 * buffers; close it. Not thread-safe.
 */
public final class BatchedPath implements AnalysisPath {
    private final LegacyTools tools;
    private final ReplicatedStream stream;
    private final BatchBuffers batch;
    // Java copies of the per-event values the histograms need, one batch long.
    private final byte[] trigE;
    private final byte[] trigM;
    private final boolean[] triggered;
    private final int[] eventMask;
    private final int[] channel;
    private final double[] m4l;
    private final double[] m12;

    /** A path over {@code dump} (borrowed) in batches of {@code batchSize} events. */
    public BatchedPath(ColumnDump dump, Path calibrationFile, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchedPath: batch size must be >= 1, got "
                    + batchSize);
        }
        this.tools = new LegacyTools(calibrationFile);
        this.stream = new ReplicatedStream(dump);
        this.batch = new BatchBuffers(batchSize, ReplicatedStream.maxLeptons(dump, batchSize));
        this.trigE = new byte[batchSize];
        this.trigM = new byte[batchSize];
        this.triggered = new boolean[batchSize];
        this.eventMask = new int[batchSize];
        this.channel = new int[batchSize];
        this.m4l = new double[batchSize];
        this.m12 = new double[batchSize];
    }

    @Override
    public String name() {
        return "batched";
    }

    /** Bytes of native memory of the batch buffers. */
    public long bufferBytes() {
        return batch.bytes();
    }

    @Override
    public Hzz4lCounts run(long events) {
        Hzz4lCounts counts = new Hzz4lCounts();
        stream.rewind();
        for (long done = 0; done < events; done += batch.events) {
            stream.read((int) Math.min(batch.capacity, events - done), batch);
            readTriggers();
            for (int first = 0; first < batch.events; first += TILE_EVENTS) {
                Tile tile = new Tile(first, Math.min(TILE_EVENTS, batch.events - first));
                for (int v = 0; v < Hzz4lCounts.VARIATIONS.size(); v++) {
                    runTools(v, tile);
                    fill(v, tile, counts);
                }
            }
        }
        return counts;
    }

    /**
     * Events per round of tool calls. The batch (what the reader delivers and memory is sized
     * by) is worked through in tiles of this many events, and every variation's calibration,
     * selection and candidates run on one tile before the next: the tile's columns (about
     * 100 bytes per event) and the tools' outputs then stay in the core's caches for all 27
     * calls on it. Over a whole batch of 1e4 or 1e5 events at once, each of those calls
     * streamed the columns in from memory again, and the batched path ran at 0.85-0.90 of the
     * C++ event loop, against 0.98 with batches of 100 (benchmarks/RESULTS.md). Tiles of 64
     * to 512 events measured the same; the cost of a call through the wrappers (under 0.1 us,
     * DowncallBenchmark.selectWrapper at n = 1) is below 1 ns per event at this size.
     */
    static final int TILE_EVENTS = 256;

    /** Events [first, first + events) of the batch and their leptons. */
    private final class Tile {
        final int first;
        final int events;
        final long firstLepton;
        final long leptons;

        Tile(int first, int events) {
            this.first = first;
            this.events = events;
            MemorySegment offsets = batch.in(DumpColumn.OFFSETS);
            this.firstLepton = offsets.getAtIndex(JAVA_INT, first);
            this.leptons = offsets.getAtIndex(JAVA_INT, first + events) - firstLepton;
        }

        /** The tile's events + 1 offsets; they index the batch's lepton columns as they are. */
        MemorySegment offsets() {
            return batch.in(DumpColumn.OFFSETS).asSlice(4L * first, 4L * (events + 1));
        }

        /** The tile's slice of a per-event column of {@code bytesPerEvent} bytes per event. */
        MemorySegment events(MemorySegment column, long bytesPerEvent) {
            return column.asSlice(first * bytesPerEvent, events * bytesPerEvent);
        }

        /** The tile's slice of a per-lepton column (every one holds 4-byte values). */
        MemorySegment leptons(MemorySegment column) {
            return column.asSlice(4 * firstLepton, 4 * leptons);
        }
    }

    // A calibration tool asked for NOMINAL returns its input (the 2020 ntuples are already
    // calibrated), so it is only called for its own variations; otherwise the selection and
    // the builder read the input pt and E columns themselves, not a copy of them. The
    // calibration and the builder take the tile's offsets, which index the batch's lepton
    // columns, so they get those whole; the selection takes the tile's leptons.
    private void runTools(int v, Tile tile) {
        BatchBuffers b = batch;
        MemorySegment offsets = tile.offsets();
        MemorySegment eventNumber = tile.events(b.in(DumpColumn.EVENT_NUMBER), 4);
        MemorySegment type = b.in(DumpColumn.TYPE);
        MemorySegment eta = b.in(DumpColumn.ETA);
        MemorySegment pt = b.in(DumpColumn.PT);
        MemorySegment e = b.in(DumpColumn.E);
        if (varies(tools.electronVariation[v])) {
            tools.electrons.calibrate(tools.electronVariation[v], tile.events, offsets,
                    eventNumber, type, pt, eta, e, b.ptOut, b.eOut);
            pt = b.ptOut;
            e = b.eOut;
        }
        if (varies(tools.muonVariation[v])) {
            tools.muons.calibrate(tools.muonVariation[v], tile.events, offsets, eventNumber,
                    type, pt, eta, e, b.ptOut, b.eOut);
            pt = b.ptOut;
            e = b.eOut;
        }
        tools.selection.select(tile.leptons, tile.leptons(type), tile.leptons(pt),
                tile.leptons(eta), tile.leptons(b.in(DumpColumn.PTCONE30)),
                tile.leptons(b.in(DumpColumn.ETCONE20)), tile.leptons(b.in(DumpColumn.D0)),
                tile.leptons(b.in(DumpColumn.D0_SIGMA)), tile.leptons(b.in(DumpColumn.Z0)),
                tile.leptons(b.leptonMask));
        tools.builder.build(tile.events, offsets, type, b.in(DumpColumn.CHARGE), pt, eta,
                b.in(DumpColumn.PHI), e, b.leptonMask, tile.events(b.eventMask, 4),
                tile.events(b.channel, 4), tile.events(b.m4l, 8), tile.events(b.m12, 8),
                tile.events(b.m34, 8), tile.events(b.leptonIndex, 16));
    }

    private static boolean varies(String variation) {
        return !variation.equals("NOMINAL");
    }

    // The tools' per-event outputs come over into Java arrays in bulk, and the loop runs on
    // arrays. A loop reading the segments element by element made C2's profiled loop
    // predicates fail on every large batch (-XX:+LogCompilation: profile_predicate traps at the
    // loop head), so each batch of 1e5 events ran mostly interpreted and the method was
    // recompiled over and over.
    private void fill(int v, Tile tile, Hzz4lCounts counts) {
        BatchBuffers b = batch;
        int first = tile.first;
        int events = tile.events;
        MemorySegment.copy(b.eventMask, JAVA_INT, 4L * first, eventMask, 0, events);
        MemorySegment.copy(b.channel, JAVA_INT, 4L * first, channel, 0, events);
        MemorySegment.copy(b.m4l, JAVA_DOUBLE, 8L * first, m4l, 0, events);
        MemorySegment.copy(b.m12, JAVA_DOUBLE, 8L * first, m12, 0, events);
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
        batch.close();
        tools.close();
    }
}
