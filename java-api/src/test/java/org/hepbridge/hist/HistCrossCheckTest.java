package org.hepbridge.hist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java and Python {@code hist} fill the same 1000 weighted rows into the same 4-D binning; each
 * side reads the other's UHI JSON and compares every cell, flow bins included.
 */
class HistCrossCheckTest {

    private static final int N = 1000;
    private static final List<String> CHANNELS = List.of("4e", "4mu", "2e2mu", "other");

    static Histogram emptyHistogram() {
        return new Histogram(
                new RegularAxis("m4l", "m_{4l} [GeV]", 24, 80, 170),
                new VariableAxis("pt", "p_T [GeV]", new double[] {0, 10, 25, 50, 100, 200}),
                CategoryAxis.ofStrings("channel", "channel", List.of("4e", "4mu", "2e2mu"),
                        true),
                CategoryAxis.ofInts("njet", "jets", new int[] {0, 1, 2}, true));
    }

    @Test
    void javaAndPythonHistAgreeCellByCell(@TempDir Path dir) throws Exception {
        // Fixed pseudo-random rows reaching every flow bin: m4l beyond both ends (every 50th
        // row exactly on a bin edge), negative pt, an unknown channel and an unknown jet count.
        SplittableRandom rnd = new SplittableRandom(20240611);
        double[] m4l = new double[N];
        double[] pt = new double[N];
        String[] channel = new String[N];
        int[] njet = new int[N];
        double[] w = new double[N];
        double totalWeight = 0;
        for (int i = 0; i < N; i++) {
            m4l[i] = i % 50 == 0 ? 80 + 3.75 * rnd.nextInt(25) : rnd.nextDouble(60, 190);
            pt[i] = rnd.nextDouble(-5, 230);
            channel[i] = CHANNELS.get(rnd.nextInt(4));
            njet[i] = rnd.nextInt(4);
            w[i] = rnd.nextDouble(-0.2, 1.5);
            totalWeight += w[i];
        }
        Histogram h = emptyHistogram();
        for (int i = 0; i < N; i++) {
            h.fill(new Object[] {m4l[i], pt[i], channel[i], njet[i]}, w[i]);
        }

        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("m4l", m4l);
        cols.put("pt", pt);
        cols.put("channel", channel);
        cols.put("njet", njet);
        cols.put("weight", w);
        Path input = dir.resolve("input.json");
        new ObjectMapper().writeValue(input.toFile(), cols);
        Path javaJson = dir.resolve("java.json");
        Files.writeString(javaJson, h.toUhiJson());
        Path histJson = dir.resolve("hist.json");

        String out = PythonOracle.run("hist_oracle.py", input.toString(), javaJson.toString(),
                histJson.toString());
        assertTrue(out.startsWith("cells=" + 26 * 7 * 4 * 4 + " "), out);

        // Every axis has flow bins, so the total with flow is the sum of all weights.
        Histogram fromHist = Histogram.fromUhiJson(Files.readString(histJson));
        assertEquals(totalWeight, fromHist.sum(true), 1e-9);
        for (int a = 0; a < 4; a++) {
            assertTrue(fromHist.axis(a).sameBinning(h.axis(a)), "axis " + a);
            assertEquals(h.axis(a).label(), fromHist.axis(a).label());
        }
        assertArrayEquals(fromHist.values(true), h.values(true), 1e-12);
        assertArrayEquals(fromHist.variances(true), h.variances(true), 1e-12);
        // The comparison covered populated flow cells on every axis.
        int[][] flowBins = {{-1, 24}, {-1, 5}, {3}, {3}};
        for (int a = 0; a < 4; a++) {
            for (int bin : flowBins[a]) {
                assertTrue(fromHist.project(a).value(bin) != 0, "axis " + a + " bin " + bin);
            }
        }
    }
}
