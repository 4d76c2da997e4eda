package org.hepbridge.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a {@link Cutflow} as a CSV file or a Markdown table: one row per step. */
public final class CutflowTables {
    private CutflowTables() {
    }

    /** Columns: step, one per input, total. */
    public static void writeCsv(Cutflow cutflow, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("step");
        for (String input : cutflow.inputs()) {
            csv.append(',').append(quote(input));
        }
        csv.append(",total\n");
        appendRows(cutflow, csv, ",", "", "\n", CutflowTables::quote);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /**
     * The same table in GitHub-flavoured Markdown: a header row, the alignment row (counts to
     * the right) and one row per step; '|' inside names is escaped.
     */
    public static void writeMarkdown(Cutflow cutflow, Path file) throws IOException {
        List<String> inputs = cutflow.inputs();
        StringBuilder md = new StringBuilder("| step | ");
        md.append(String.join(" | ", inputs.stream().map(CutflowTables::markdownCell)
                .toList())).append(" | total |\n|---|");
        md.append("---:|".repeat(inputs.size() + 1)).append('\n');
        appendRows(cutflow, md, " | ", "| ", " |\n", CutflowTables::markdownCell);
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    private static void appendRows(Cutflow cutflow, StringBuilder out, String separator,
            String rowStart, String rowEnd, java.util.function.UnaryOperator<String> stepText) {
        long[] total = cutflow.total();
        for (int step = 0; step < cutflow.steps().size(); step++) {
            out.append(rowStart).append(stepText.apply(cutflow.steps().get(step)));
            for (String input : cutflow.inputs()) {
                out.append(separator).append(cutflow.counts(input)[step]);
            }
            out.append(separator).append(total[step]).append(rowEnd);
        }
    }

    /**
     * A table cell: a '|' would end the cell and a line break the row, so the first is escaped
     * and the second becomes a space.
     */
    private static String markdownCell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
