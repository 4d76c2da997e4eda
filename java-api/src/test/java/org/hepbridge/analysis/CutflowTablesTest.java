package org.hepbridge.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cutflow tables. The expected texts are written out by hand from the GitHub-flavoured
 * Markdown table rules (header row, one alignment cell per column, '|' in a cell escaped) and
 * RFC 4180 CSV quoting; the Markdown was also rendered as a table by markdown-it-py.
 */
class CutflowTablesTest {
    @TempDir
    Path temp;

    private static Cutflow cutflow() {
        Cutflow cutflow = new Cutflow(List.of("all events", "pT > 25 | 15 GeV"));
        cutflow.increment("a.root", 0, 10);
        cutflow.increment("a.root", 1, 4);
        cutflow.increment("b|c, \"d\".root", 0, 5);
        cutflow.increment("b|c, \"d\".root", 1, 1);
        return cutflow;
    }

    @Test
    void markdownIsATableWithPipesEscaped() throws Exception {
        Path file = temp.resolve("cutflow.md");

        CutflowTables.writeMarkdown(cutflow(), file);

        assertEquals("""
                | step | a.root | b\\|c, "d".root | total |
                |---|---:|---:|---:|
                | all events | 10 | 5 | 15 |
                | pT > 25 \\| 15 GeV | 4 | 1 | 5 |
                """, Files.readString(file));
    }

    @Test
    void csvQuotesNamesWithCommasOrQuotes() throws Exception {
        Path file = temp.resolve("cutflow.csv");

        CutflowTables.writeCsv(cutflow(), file);

        assertEquals("""
                step,a.root,"b|c, ""d"".root",total
                all events,10,5,15
                pT > 25 | 15 GeV,4,1,5
                """, Files.readString(file));
    }
}
