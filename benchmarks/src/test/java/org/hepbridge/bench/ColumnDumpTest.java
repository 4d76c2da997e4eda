package org.hepbridge.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.dump.ColumnDumpWriter;
import org.hepbridge.bench.dump.DumpColumn;
import org.hepbridge.bench.dump.DumpFormat;
import org.junit.jupiter.api.Test;

/**
 * The column dump of the 2016 ATLAS data against SOURCES.md's reference numbers, and the
 * reader's messages for broken files.
 */
class ColumnDumpTest {

    @Test
    void dumpHoldsThePublishedEventsAndLeptons() throws IOException {
        try (ColumnDump dump = ColumnDump.read(SmokeData.dump())) {
            // SOURCES.md: entries 39 / 156 / 237 / 400 (832), sum of lep_n 156 / 625 / 949 /
            // 1603 (3333); files are written in order A, B, C, D.
            assertEquals(832, dump.events());
            assertEquals(3333, dump.leptons());
            assertEquals(156, dump.offset(39));
            assertEquals(156 + 625, dump.offset(39 + 156));
            assertEquals(156 + 625 + 949, dump.offset(39 + 156 + 237));
            assertEquals(DumpFormat.fileSize(832, 3333), Files.size(SmokeData.dump()));

            // SOURCES.md, first event of data_A: run 298773, event 134827213,
            // lep_charge [1, -1, 1, 1], lep_type [11, 11, 13, 13].
            assertEquals(298773, dump.column(DumpColumn.RUN_NUMBER).get(ValueLayout.JAVA_INT, 0));
            assertEquals(134827213,
                    dump.column(DumpColumn.EVENT_NUMBER).get(ValueLayout.JAVA_INT, 0));
            assertArrayEquals(new int[] {1, -1, 1, 1}, Arrays.copyOf(
                    dump.column(DumpColumn.CHARGE).toArray(ValueLayout.JAVA_INT), 4));
            assertArrayEquals(new int[] {11, 11, 13, 13}, Arrays.copyOf(
                    dump.column(DumpColumn.TYPE).toArray(ValueLayout.JAVA_INT), 4));
        }
    }

    @Test
    void triggerColumnsHoldZeroOrOne() throws IOException {
        try (ColumnDump dump = ColumnDump.read(SmokeData.dump())) {
            for (DumpColumn trigger : new DumpColumn[] {DumpColumn.TRIG_E, DumpColumn.TRIG_M}) {
                for (byte b : dump.column(trigger).toArray(ValueLayout.JAVA_BYTE)) {
                    assertEquals(0, b & ~1, trigger + " holds " + b);
                }
            }
        }
    }

    /**
     * Each copy holds every event once, with its own leptons: per copy the multiset of
     * (event number, its leptons' pt) equals the original's, and the copies' orders differ.
     */
    @Test
    void shuffledCopiesPermuteWholeEvents() throws IOException {
        Path shuffled = SmokeData.workFolder().resolve("shuffled.hbldump");
        try (ColumnDump source = ColumnDump.read(SmokeData.dump())) {
            assertEquals(3 * 832, ColumnDumpWriter.writeShuffledCopies(source, 3, 7, shuffled));
            try (ColumnDump copies = ColumnDump.read(shuffled)) {
                assertEquals(3 * 3333, copies.leptons());
                List<String> original = eventsOf(source, 0, 832);
                List<String> sortedOriginal = original.stream().sorted().toList();
                List<List<String>> orders = new ArrayList<>();
                for (int copy = 0; copy < 3; copy++) {
                    List<String> events = eventsOf(copies, copy * 832L, 832);
                    assertEquals(sortedOriginal, events.stream().sorted().toList(),
                            "copy " + copy);
                    assertNotEquals(original, events, "copy " + copy + " kept the file order");
                    orders.add(events);
                }
                assertNotEquals(orders.get(0), orders.get(1));
            }
        }
    }

    // "eventNumber:pt,pt,..." for events [first, first + n).
    private static List<String> eventsOf(ColumnDump dump, long first, int n) {
        List<String> events = new ArrayList<>();
        for (long i = first; i < first + n; i++) {
            StringBuilder text = new StringBuilder().append(dump.column(DumpColumn.EVENT_NUMBER)
                    .getAtIndex(ValueLayout.JAVA_INT, i)).append(':');
            for (long j = dump.offset(i); j < dump.offset(i + 1); j++) {
                text.append(dump.column(DumpColumn.PT).getAtIndex(ValueLayout.JAVA_FLOAT, j))
                        .append(',');
            }
            events.add(text.toString());
        }
        return events;
    }

    @Test
    void brokenFilesAreNamedWithTheProblem() throws IOException {
        byte[] good = Files.readAllBytes(SmokeData.dump());
        Path folder = SmokeData.workFolder();

        Path truncated = write(folder.resolve("truncated.hbldump"), Arrays.copyOf(good,
                good.length - 64));
        assertEquals("column dump " + truncated + ": has " + (good.length - 64)
                + " bytes, expected " + good.length + " for 832 events and 3333 leptons",
                assertThrows(IOException.class, () -> ColumnDump.read(truncated)).getMessage());

        byte[] magic = good.clone();
        magic[0] = 'X';
        Path badMagic = write(folder.resolve("magic.hbldump"), magic);
        assertEquals("column dump " + badMagic + ": does not start with the magic"
                + " \"HBLDUMP\\0\"",
                assertThrows(IOException.class, () -> ColumnDump.read(badMagic)).getMessage());

        byte[] version = good.clone();
        ByteBuffer.wrap(version).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 7);
        Path badVersion = write(folder.resolve("version.hbldump"), version);
        assertEquals("column dump " + badVersion + ": version 7, this reader knows 1",
                assertThrows(IOException.class, () -> ColumnDump.read(badVersion)).getMessage());

        Path header = write(folder.resolve("header.hbldump"), Arrays.copyOf(good, 10));
        assertEquals("column dump " + header + ": has 10 bytes, less than the 64-byte header",
                assertThrows(IOException.class, () -> ColumnDump.read(header)).getMessage());
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }
}
