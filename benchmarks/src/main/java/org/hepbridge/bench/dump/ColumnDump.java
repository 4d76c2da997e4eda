package org.hepbridge.bench.dump;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A column dump read into native memory, its sections exposed as {@link MemorySegment}s in
 * the layout the legacy tools take (benchmarks/DUMP_FORMAT.md).
 *
 * <p>Ownership and lifetime: the dump owns one shared {@link Arena} holding the whole file;
 * {@link #close()} frees it and invalidates every segment handed out. Thread-safety: the
 * segments are read-only in use and may be read from any thread until close.
 */
public final class ColumnDump implements AutoCloseable {
    private final Path file;
    private final Arena arena;
    private final long events;
    private final long leptons;
    private final Map<DumpColumn, MemorySegment> sections = new EnumMap<>(DumpColumn.class);

    private ColumnDump(Path file, Arena arena, MemorySegment image) throws IOException {
        this.file = file;
        this.arena = arena;
        checkHeader(image);
        this.events = image.get(ValueLayout.JAVA_LONG_UNALIGNED, DumpFormat.EVENTS_AT);
        this.leptons = image.get(ValueLayout.JAVA_LONG_UNALIGNED, DumpFormat.LEPTONS_AT);
        checkCounts(image.byteSize());
        for (DumpColumn c : DumpColumn.values()) {
            sections.put(c, image.asSlice(DumpFormat.sectionOffset(c, events, leptons),
                    c.bytes(events, leptons)).asReadOnly());
        }
        checkOffsets();
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws IOException when it cannot be read, or naming the file and the first problem
     *     found: magic, version, column count, counts, size, offsets
     */
    public static ColumnDump read(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            MemorySegment image = arena.allocate(Math.max(size, 1), DumpFormat.ALIGNMENT);
            var buffer = image.asSlice(0, size).asByteBuffer();
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until the buffer is full or the file ends
            }
            return new ColumnDump(file, arena, image.asSlice(0, size - buffer.remaining()));
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The file this dump was read from. */
    public Path file() {
        return file;
    }

    public long events() {
        return events;
    }

    public long leptons() {
        return leptons;
    }

    /** The section of {@code column}: read-only native memory, valid until {@link #close()}. */
    public MemorySegment column(DumpColumn column) {
        return sections.get(column);
    }

    /** offsets[event]: the first lepton of {@code event}, or the lepton count for n_events. */
    public int offset(long event) {
        return sections.get(DumpColumn.OFFSETS).getAtIndex(ValueLayout.JAVA_INT, event);
    }

    @Override
    public void close() {
        arena.close();
    }

    private void checkHeader(MemorySegment image) throws IOException {
        if (image.byteSize() < DumpFormat.ALIGNMENT) {
            throw problem("has " + image.byteSize() + " bytes, less than the "
                    + DumpFormat.ALIGNMENT + "-byte header");
        }
        byte[] magic = image.asSlice(0, DumpFormat.MAGIC.length).toArray(ValueLayout.JAVA_BYTE);
        if (!Arrays.equals(magic, DumpFormat.MAGIC)) {
            throw problem("does not start with the magic \"HBLDUMP\\0\"");
        }
        int version = image.get(ValueLayout.JAVA_INT_UNALIGNED, DumpFormat.VERSION_AT);
        if (version != DumpFormat.VERSION) {
            throw problem("version " + version + ", this reader knows " + DumpFormat.VERSION);
        }
        int columns = image.get(ValueLayout.JAVA_INT_UNALIGNED, DumpFormat.COLUMNS_AT);
        if (columns != DumpColumn.values().length) {
            throw problem(columns + " columns, expected " + DumpColumn.values().length);
        }
    }

    private void checkCounts(long size) throws IOException {
        if (events < 0 || leptons < 0 || events >= Integer.MAX_VALUE
                || leptons > Integer.MAX_VALUE) {
            throw problem("n_events = " + events + ", n_leptons = " + leptons
                    + " outside [0, 2^31 - 1)");
        }
        long expected = DumpFormat.fileSize(events, leptons);
        if (size != expected) {
            throw problem("has " + size + " bytes, expected " + expected + " for " + events
                    + " events and " + leptons + " leptons");
        }
    }

    private void checkOffsets() throws IOException {
        if (offset(0) != 0 || offset(events) != leptons) {
            throw problem("offsets run from " + offset(0) + " to " + offset(events)
                    + ", expected 0 to " + leptons);
        }
        for (long i = 1; i <= events; i++) {
            if (offset(i) < offset(i - 1)) {
                throw problem("offsets[" + i + "] = " + offset(i) + " is below offsets["
                        + (i - 1) + "] = " + offset(i - 1));
            }
        }
    }

    private IOException problem(String what) {
        return new IOException("column dump " + file + ": " + what);
    }

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("ColumnDump: the dump is little-endian and "
                    + "is used in place; this platform is " + ByteOrder.nativeOrder());
        }
    }
}
