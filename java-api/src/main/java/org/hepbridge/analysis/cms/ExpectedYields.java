package org.hepbridge.analysis.cms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected events per m4l bin from {@code expected_m4l_2011_2012.csv}: simulated ZZ, Z+X, ttbar
 * backgrounds and a 125 GeV Higgs signal, as the CMS education notebook defines them.
 *
 * <p>Immutable: arrays are copied on access. {@code edges} has one more entry than each sample.
 */
public record ExpectedYields(double[] edges, Map<String, double[]> samples) {

    /** Header of the file; the columns after the bin edges are the samples, in this order. */
    public static final List<String> COLUMNS =
            List.of("m4l_low", "m4l_high", "zz", "z_plus_x", "ttbar", "h125");

    public ExpectedYields {
        edges = edges.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        samples.forEach((k, v) -> copy.put(k, v.clone()));
        samples = java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** Copy of one sample's yields. */
    public double[] sample(String name) {
        double[] v = samples.get(name);
        if (v == null) {
            throw new IllegalArgumentException("ExpectedYields: no sample '" + name
                    + "'; samples are " + samples.keySet());
        }
        return v.clone();
    }

    /**
     * Read and check the file: header {@link #COLUMNS}, contiguous bins, finite yields &gt;= 0.
     *
     * @throws CsvFormatException naming file, line and column of the first problem
     */
    public static ExpectedYields read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String header = lines.isEmpty() ? "(empty file)" : lines.get(0).strip();
        if (!header.equals(String.join(",", COLUMNS))) {
            throw new CsvFormatException(file + ": line 1: header '" + header + "', expected '"
                    + String.join(",", COLUMNS) + "'");
        }
        List<String> rows = lines.subList(1, lines.size()).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        double[] edges = new double[rows.size() + 1];
        double[][] yields = new double[COLUMNS.size() - 2][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            double[] v = parseRow(file, r + 2, rows.get(r));
            if (r > 0 && v[0] != edges[r]) {
                throw new CsvFormatException(file + ": line " + (r + 2) + ": column m4l_low: "
                        + v[0] + " does not continue the previous bin, expected " + edges[r]);
            }
            edges[r] = v[0];
            edges[r + 1] = v[1];
            for (int s = 0; s < yields.length; s++) {
                yields[s][r] = v[s + 2];
            }
        }
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (int s = 0; s < yields.length; s++) {
            samples.put(COLUMNS.get(s + 2), yields[s]);
        }
        return new ExpectedYields(edges, samples);
    }

    private static double[] parseRow(Path file, int line, String text) throws CsvFormatException {
        String[] f = text.split(",", -1);
        if (f.length != COLUMNS.size()) {
            throw new CsvFormatException(file + ": line " + line + ": " + f.length
                    + " fields, expected " + COLUMNS.size());
        }
        double[] v = new double[f.length];
        for (int c = 0; c < f.length; c++) {
            try {
                v[c] = Double.parseDouble(f[c].strip());
            } catch (NumberFormatException e) {
                v[c] = Double.NaN;
            }
            boolean ok = Double.isFinite(v[c]) && (c < 2 || v[c] >= 0);
            if (!ok) {
                throw new CsvFormatException(file + ": line " + line + ": column "
                        + COLUMNS.get(c) + ": '" + f[c] + "' is not a finite number"
                        + (c < 2 ? "" : " >= 0"));
            }
        }
        return v;
    }
}
