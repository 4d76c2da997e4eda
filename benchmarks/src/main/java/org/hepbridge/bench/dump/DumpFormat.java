package org.hepbridge.bench.dump;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the column dump format, version 1 (benchmarks/DUMP_FORMAT.md): a 64-byte
 * little-endian header (magic, version, column count, n_events, n_leptons, zeros), then the
 * {@link DumpColumn} sections in order, each starting at a multiple of 64 bytes and padded
 * with zeros to the next.
 */
public final class DumpFormat {
    /** The first eight bytes of every dump. */
    public static final byte[] MAGIC = "HBLDUMP\0".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    /** Header size and section alignment, in bytes. */
    public static final int ALIGNMENT = 64;
    /** Byte offsets of the header fields. */
    static final int VERSION_AT = 8;
    static final int COLUMNS_AT = 12;
    static final int EVENTS_AT = 16;
    static final int LEPTONS_AT = 24;

    private DumpFormat() {
    }

    /** {@code bytes} rounded up to the alignment. */
    public static long padded(long bytes) {
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** File offset of {@code column}'s section. */
    public static long sectionOffset(DumpColumn column, long events, long leptons) {
        long at = ALIGNMENT;
        for (DumpColumn c : DumpColumn.values()) {
            if (c == column) {
                return at;
            }
            at += padded(c.bytes(events, leptons));
        }
        throw new AssertionError(column);
    }

    /** The exact size of a dump of {@code events} events and {@code leptons} leptons. */
    public static long fileSize(long events, long leptons) {
        long last = DumpColumn.values().length - 1;
        DumpColumn z0 = DumpColumn.values()[(int) last];
        return sectionOffset(z0, events, leptons) + padded(z0.bytes(events, leptons));
    }
}
