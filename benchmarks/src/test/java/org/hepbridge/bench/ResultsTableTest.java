package org.hepbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hepbridge.bench.report.Measurement;
import org.hepbridge.bench.report.ResultsTable;
import org.junit.jupiter.api.Test;

/** The results table on hand-made measurements. */
class ResultsTableTest {

    @Test
    void ratiosAreTakenAgainstTheCppRowOfTheSameEventCount() {
        // 10000 events: C++ 100 ms CPU (100 000 events/s), 125 ms wall (80 000/s).
        // Batched 80 ms CPU (125 000/s, ratio 1.25), 100 ms wall (100 000/s, ratio 1.25).
        // 20000 events have no C++ row: ratios n/a.
        List<Measurement> rows = List.of(
                new Measurement("Java (b) batched: downcalls per batch", 10000, 1000, 100, 80,
                        204800, 5),
                new Measurement("C++ (per-object event loop)", 10000, 0, 125, 100, 4096, 3),
                new Measurement("Java (c) C++ loop in one downcall", 20000, 0, 200, 200, -1, 1));
        String table = ResultsTable.throughput(rows);
        String[] lines = table.split("\n");
        assertEquals(5, lines.length, table);
        assertEquals("| 10 000 | C++ (per-object event loop) |  | 100 000 | 1.00 | 80 000 | 1.00 "
                + "| 4 | 3 |", lines[2]);
        assertEquals("| 10 000 | Java (b) batched: downcalls per batch | 1 000 | 125 000 | 1.25 "
                + "| 100 000 | 1.25 | 200 | 5 |", lines[3]);
        assertEquals("| 20 000 | Java (c) C++ loop in one downcall |  | 100 000 | n/a | 100 000 "
                + "| n/a | n/a | 1 |", lines[4]);
    }
}
