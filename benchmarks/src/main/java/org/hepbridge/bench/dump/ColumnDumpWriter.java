package org.hepbridge.bench.dump;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.hepbridge.analysis.ArrowSegments;
import org.hepbridge.root.RootFile;

/**
 * Writes the events of ATLAS 2020 open-data ntuples (tree {@code mini}) as a column dump, the
 * input both the C++ and the Java benchmarks read (benchmarks/DUMP_FORMAT.md).
 *
 * <p>Events are written in input order, files one after the other, with the values exactly as
 * the hepbridge ROOT reader decodes them. Stateless and thread-safe.
 */
public final class ColumnDumpWriter {
    /** The tree of the 2020 ATLAS open-data ntuples. */
    public static final String TREE = "mini";

    private ColumnDumpWriter() {
    }

    /**
     * Reads every event of {@code inputs} and writes them to {@code output} (replaced
     * atomically: a temporary file in the same folder is moved over it when complete).
     *
     * @return the number of events written
     * @throws IOException naming the input that cannot be read or whose columns disagree
     */
    public static long write(List<Path> inputs, Path output) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IOException("ColumnDumpWriter: the dump is little-endian and is written "
                    + "from memory as is; this platform is " + ByteOrder.nativeOrder());
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            List<VectorSchemaRoot> batches = new ArrayList<>();
            try {
                for (Path input : inputs) {
                    batches.add(readAll(input, allocator));
                }
                return write(batches, inputs, output);
            } finally {
                closeAll(batches);
            }
        }
    }

    /**
     * Writes {@code copies} copies of the events of {@code source} to {@code output}, each
     * copy in its own pseudo-random order (a permutation drawn from {@code seed} and the copy's
     * index): every event appears exactly once per copy, but no run of events repeats.
     *
     * <p>Why: replicating the 832 events end to end gives a sequence with a period of 832
     * events, and a loop that runs over many periods at once (one tool call on a batch of 1e5
     * events) lets the CPU's branch predictors learn the period, which an event loop that
     * interleaves the tools per event cannot. The dump written here is the same events in an
     * order without that period. Replaced atomically, as {@link #write}.
     *
     * @return the number of events written
     */
    public static long writeShuffledCopies(ColumnDump source, int copies, long seed,
            Path output) throws IOException {
        if (copies < 1) {
            throw new IllegalArgumentException("ColumnDumpWriter: copies must be >= 1, got "
                    + copies);
        }
        long most = maxCopies(source);
        if (copies > most) {
            throw new IllegalArgumentException("ColumnDumpWriter: at most " + most + " copies of "
                    + source.events() + " events and " + source.leptons() + " leptons fit the "
                    + "dump's int32 offsets, asked for " + copies);
        }
        int n = Math.toIntExact(source.events());
        int[] order = new int[Math.multiplyExact(copies, n)];
        for (int copy = 0; copy < copies; copy++) {
            SplittableRandom random = new SplittableRandom(seed + copy);
            int base = copy * n;
            for (int i = 0; i < n; i++) {
                order[base + i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[base + i];
                order[base + i] = order[base + j];
                order[base + j] = swap;
            }
        }
        long events = order.length;
        long leptons = source.leptons() * copies;
        writeAtomically(output, events, leptons,
                (channel, column) -> writeSection(channel, column, source, order, events,
                        leptons));
        return events;
    }

    /** The most copies of {@code source} one dump can hold (its offsets are int32). */
    public static long maxCopies(ColumnDump source) {
        long limit = Integer.MAX_VALUE - 1;
        return Math.min(limit / Math.max(1, source.leptons()), limit / Math.max(1,
                source.events()));
    }

    // One column of the events of `source` in `order`, streamed through a 1 MiB buffer.
    private static void writeSection(FileChannel channel, DumpColumn column, ColumnDump source,
            int[] order, long events, long leptons) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        MemorySegment from = source.column(column);
        long size = column.layout().byteSize();
        long next = 0;
        for (int k = 0; k <= order.length; k++) {
            ByteBuffer values = switch (column.kind()) {
                case OFFSETS -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(0, Math.toIntExact(next));
                case EVENT -> k == order.length ? null
                        : from.asSlice(order[k] * size, size).asByteBuffer();
                case LEPTON -> k == order.length ? null : from.asSlice(
                        source.offset(order[k]) * size,
                        (source.offset(order[k] + 1L) - source.offset(order[k])) * size)
                        .asByteBuffer();
            };
            if (k < order.length) {
                next += source.offset(order[k] + 1L) - source.offset(order[k]);
            }
            if (values == null) {
                continue;
            }
            if (out.remaining() < values.remaining()) {
                writeFully(channel, out.flip());
                out.clear();
            }
            out.put(values);
        }
        writeFully(channel, out.flip());
        long bytes = column.bytes(events, leptons);
        writeFully(channel, ByteBuffer.allocate((int) (DumpFormat.padded(bytes) - bytes)));
    }

    private static VectorSchemaRoot readAll(Path input, BufferAllocator allocator)
            throws IOException {
        List<String> branches = new ArrayList<>();
        for (DumpColumn c : DumpColumn.values()) {
            if (c != DumpColumn.OFFSETS) {
                branches.add(c.branch());
            }
        }
        try (RootFile file = RootFile.open(input)) {
            return file.tree(TREE).read(allocator, branches);
        }
    }

    private static long write(List<VectorSchemaRoot> batches, List<Path> inputs, Path output)
            throws IOException {
        long events = 0;
        long leptons = 0;
        for (int b = 0; b < batches.size(); b++) {
            events += batches.get(b).getRowCount();
            leptons += checkedLeptons(batches.get(b), inputs.get(b));
        }
        final long totalEvents = events;
        final long totalLeptons = leptons;
        writeAtomically(output, events, leptons,
                (channel, column) -> writeSection(channel, column, batches, totalEvents,
                        totalLeptons));
        return events;
    }

    /** Writes one column's section (its values and the padding after them) to a channel. */
    @FunctionalInterface
    private interface SectionWriter {
        void write(FileChannel channel, DumpColumn column) throws IOException;
    }

    // The header, then every column's section, into a temporary file in the same folder that
    // is moved over `output` only when complete.
    private static void writeAtomically(Path output, long events, long leptons,
            SectionWriter sections) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, output.getFileName().toString(), ".part");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(channel, header(events, leptons));
            for (DumpColumn column : DumpColumn.values()) {
                sections.write(channel, column);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static ByteBuffer header(long events, long leptons) {
        ByteBuffer header = ByteBuffer.allocate(DumpFormat.ALIGNMENT)
                .order(ByteOrder.LITTLE_ENDIAN);
        header.put(DumpFormat.MAGIC).putInt(DumpFormat.VERSION)
                .putInt(DumpColumn.values().length).putLong(events).putLong(leptons);
        return header.clear();
    }

    private static void writeSection(FileChannel channel, DumpColumn column,
            List<VectorSchemaRoot> batches, long events, long leptons) throws IOException {
        long base = 0;
        for (int b = 0; b < batches.size(); b++) {
            VectorSchemaRoot batch = batches.get(b);
            boolean last = b == batches.size() - 1;
            writeFully(channel, switch (column.kind()) {
                case OFFSETS -> rebasedOffsets(batch, base, last);
                case EVENT -> eventValues(batch, column);
                case LEPTON -> ArrowSegments.listValues(list(batch, column.branch()))
                        .asByteBuffer();
            });
            base += leptonsOf(batch);
        }
        long bytes = column.bytes(events, leptons);
        writeFully(channel, ByteBuffer.allocate((int) (DumpFormat.padded(bytes) - bytes)));
    }

    // The batch's offsets shifted by the leptons of the batches before it; the closing offset
    // only after the last batch, so that the section holds n_events + 1 values.
    private static ByteBuffer rebasedOffsets(VectorSchemaRoot batch, long base, boolean last) {
        int rows = batch.getRowCount();
        MemorySegment offsets = ArrowSegments.offsets(list(batch, "lep_pt"));
        int count = last ? rows + 1 : rows;
        ByteBuffer out = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            out.putInt(Math.toIntExact(base + offsets.getAtIndex(ValueLayout.JAVA_INT, i)
                    - offsets.getAtIndex(ValueLayout.JAVA_INT, 0)));
        }
        return out.flip();
    }

    private static ByteBuffer eventValues(VectorSchemaRoot batch, DumpColumn column) {
        FieldVector vector = batch.getVector(column.branch());
        if (vector instanceof BitVector bits) {
            ByteBuffer out = ByteBuffer.allocate(batch.getRowCount());
            for (int i = 0; i < batch.getRowCount(); i++) {
                out.put((byte) (bits.get(i) != 0 ? 1 : 0));
            }
            return out.flip();
        }
        return ArrowSegments.values((BaseFixedWidthVector) vector).asByteBuffer();
    }

    // Every lep_* column must hold as many values as lep_pt, starting at offset 0.
    private static long checkedLeptons(VectorSchemaRoot batch, Path input) throws IOException {
        long leptons = leptonsOf(batch);
        int first = ArrowSegments.offsets(list(batch, "lep_pt"))
                .getAtIndex(ValueLayout.JAVA_INT, 0);
        if (first != 0) {
            throw new IOException("ColumnDumpWriter: " + input + ": lep_pt offsets start at "
                    + first + ", expected 0");
        }
        for (DumpColumn c : DumpColumn.values()) {
            if (c.kind() != DumpColumn.Kind.LEPTON) {
                continue;
            }
            MemorySegment values = ArrowSegments.listValues(list(batch, c.branch()));
            if (values.byteSize() != leptons * c.layout().byteSize()) {
                throw new IOException("ColumnDumpWriter: " + input + ": branch " + c.branch()
                        + " holds " + values.byteSize() / c.layout().byteSize()
                        + " values but lep_pt holds " + leptons);
            }
        }
        return leptons;
    }

    private static long leptonsOf(VectorSchemaRoot batch) {
        MemorySegment offsets = ArrowSegments.offsets(list(batch, "lep_pt"));
        return offsets.getAtIndex(ValueLayout.JAVA_INT, batch.getRowCount())
                - offsets.getAtIndex(ValueLayout.JAVA_INT, 0);
    }

    private static ListVector list(VectorSchemaRoot batch, String branch) {
        return (ListVector) batch.getVector(branch);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void closeAll(List<VectorSchemaRoot> batches) throws IOException {
        try {
            AutoCloseables.close(batches);
        } catch (Exception e) {
            throw new IOException("ColumnDumpWriter: cannot release the Arrow batches", e);
        }
    }
}
