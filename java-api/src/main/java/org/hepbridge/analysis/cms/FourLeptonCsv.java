package org.hepbridge.analysis.cms;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a CMS 4-lepton candidate CSV of the 2011-2012 open-data education release into Arrow.
 *
 * <p>Stateless and thread-safe. The returned {@link VectorSchemaRoot} holds one
 * {@link Float8Vector} per column of {@link #COLUMNS} (Run, Event, PID and charge too: all of
 * them are exact in a double), allocated from the caller's allocator; the caller owns it and
 * must close it. The header must equal {@link #COLUMNS} and every field must be a finite number;
 * anything else is refused with {@link CsvFormatException} naming file, line and column.
 */
public final class FourLeptonCsv {

    /** Expected header: Run, Event, nine fields per lepton, then mZ1, mZ2 and M (m4l, GeV). */
    public static final List<String> COLUMNS = columns();

    private FourLeptonCsv() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("Run", "Event"));
        for (int i = 1; i <= 4; i++) {
            for (String f : List.of("PID", "E", "px", "py", "pz", "pt", "eta", "phi", "Q")) {
                c.add(f + i);
            }
        }
        c.addAll(List.of("mZ1", "mZ2", "M"));
        return List.copyOf(c);
    }

    /**
     * Read {@code file} into a new root owned by the caller.
     *
     * @throws CsvFormatException for a wrong header, a row with the wrong number of fields, or a
     *     field that is not a finite number
     * @throws IOException when the file cannot be read
     */
    public static VectorSchemaRoot read(Path file, BufferAllocator allocator) throws IOException {
        List<double[]> rows = parse(file);
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (int c = 0; c < COLUMNS.size(); c++) {
                Float8Vector v = new Float8Vector(COLUMNS.get(c), allocator);
                vectors.add(v);
                v.allocateNew(rows.size());
                for (int r = 0; r < rows.size(); r++) {
                    v.set(r, rows.get(r)[c]);
                }
                v.setValueCount(rows.size());
            }
            return new VectorSchemaRoot(vectors);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    private static List<double[]> parse(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            checkHeader(file, in.readLine());
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isEmpty()) {
                    rows.add(parseRow(file, lineNumber, line));
                }
            }
        }
        return rows;
    }

    private static void checkHeader(Path file, String header) throws CsvFormatException {
        if (header == null) {
            throw new CsvFormatException(file + ": line 1: file is empty, expected the header "
                    + String.join(",", COLUMNS));
        }
        String[] names = header.strip().split(",", -1);
        for (int c = 0; c < Math.max(names.length, COLUMNS.size()); c++) {
            String got = c < names.length ? names[c] : "(missing)";
            String want = c < COLUMNS.size() ? COLUMNS.get(c) : "(none)";
            if (!got.equals(want)) {
                throw new CsvFormatException(file + ": line 1: header column " + (c + 1)
                        + " is '" + got + "', expected '" + want + "' (header "
                        + String.join(",", COLUMNS) + ")");
            }
        }
    }

    private static double[] parseRow(Path file, int lineNumber, String line)
            throws CsvFormatException {
        String[] fields = line.strip().split(",", -1);
        if (fields.length != COLUMNS.size()) {
            throw new CsvFormatException(file + ": line " + lineNumber + ": " + fields.length
                    + " fields, expected " + COLUMNS.size());
        }
        double[] row = new double[fields.length];
        for (int c = 0; c < fields.length; c++) {
            row[c] = number(file, lineNumber, c, fields[c]);
        }
        return row;
    }

    private static double number(Path file, int lineNumber, int column, String field)
            throws CsvFormatException {
        try {
            double v = Double.parseDouble(field.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the position; the parser's own text adds nothing.
        }
        throw new CsvFormatException(file + ": line " + lineNumber + ": column "
                + COLUMNS.get(column) + ": '" + field + "' is not a finite number");
    }
}
