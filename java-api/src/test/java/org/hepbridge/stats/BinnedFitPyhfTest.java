package org.hepbridge.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same binned models fitted here and in pyhf 0.7.6; results must agree to 1e-3. */
class BinnedFitPyhfTest {

    /** m4l histogram of the 278 CMS 4-lepton events, 37 bins of 3 GeV from 70 (SOURCES.md). */
    static final double[] CMS_OBSERVED = {0, 0, 0, 1, 2, 8, 16, 12, 8, 1, 3, 0, 0, 2, 1, 0, 3,
        3, 7, 2, 0, 0, 2, 2, 4, 3, 1, 1, 2, 2, 3, 3, 0, 1, 3, 3, 3};

    @TempDir
    Path tmp;

    /** Columns zz, z_plus_x, ttbar, h125 of expected_m4l_2011_2012.csv, one array per column. */
    static double[][] cmsTemplates() throws IOException {
        List<String> lines = Files.readAllLines(
                TestData.require("cms-opendata-education/expected_m4l_2011_2012.csv"));
        assertEquals("m4l_low,m4l_high,zz,z_plus_x,ttbar,h125", lines.get(0));
        double[][] t = new double[4][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int k = 0; k < 4; k++) {
                t[k][i - 1] = Double.parseDouble(f[k + 2]);
            }
        }
        return t;
    }

    static List<Sample> cmsSamples(double[][] t) {
        return List.of(Sample.background("zz", t[0]), Sample.background("z_plus_x", t[1]),
                Sample.background("ttbar", t[2]), Sample.signal("h125", t[3]));
    }

    private JsonNode pyhf(BinnedModel model, List<double[]> points) throws Exception {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("channels", model.channels());
        in.put("parameters", model.parameterNames());
        in.put("points", points);
        Path file = tmp.resolve("model.json");
        new ObjectMapper().writeValue(file.toFile(), in);
        return PythonOracle.run("binned_fit_oracle.py", file.toString());
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        // Values at a bound (mu-hat = 0, q0 = 0) are compared with an absolute floor.
        assertEquals(expected, actual, tol * Math.max(Math.abs(expected), 1e-6), what);
    }

    private static void assertAgrees(JsonNode py, BinnedFitResult r) {
        assertTrue(r.converged(), "fit did not converge: " + r);
        assertRelative(py.get("mu_hat").asDouble(), r.muHat(), 1e-3, "mu-hat");
        assertRelative(py.get("mu_low").asDouble(), r.muLow(), 1e-3, "mu low");
        assertRelative(py.get("mu_high").asDouble(), r.muHigh(), 1e-3, "mu high");
        assertRelative(py.get("q0").asDouble(), r.q0(), 1e-3, "q0");
        assertRelative(py.get("q0_asimov").asDouble(), r.q0Expected(), 1e-3, "q0 Asimov");
        assertRelative(py.get("twice_nll").asDouble(), 2 * r.nllMin(), 1e-9, "2 NLL min");
        for (String name : r.parameterNames()) {
            double expected = py.get("values").get(name).asDouble();
            assertEquals(expected, r.value(name), 1e-3 * Math.max(1, Math.abs(expected)), name);
        }
    }

    @Test
    void cmsModelWithoutSystematicsAgreesWithPyhf() throws Exception {
        BinnedModel model = BinnedModel.of(List.of(
                new Channel("m4l", CMS_OBSERVED, cmsSamples(cmsTemplates()))));
        BinnedFitResult r = BinnedFit.fit(model);
        JsonNode py = pyhf(model, List.of(new double[] {0.0}, new double[] {1.3}));
        assertAgrees(py, r);
        assertRelative(py.get("nll_points").get(0).asDouble(),
                BinnedFit.nll(model, new double[] {0.0}), 1e-12, "NLL(mu=0)");
        assertRelative(py.get("nll_points").get(1).asDouble(),
                BinnedFit.nll(model, new double[] {1.3}), 1e-12, "NLL(mu=1.3)");
    }

    /** CMS channel with normsys and histosys modifiers plus a second, control-like channel. */
    static BinnedModel modelWithSystematics(double[][] t) {
        int n = t[0].length;
        double[] zzUp = new double[n];
        double[] zzDown = new double[n];
        for (int b = 0; b < n; b++) {
            // A tilt of the ZZ shape: +-8% at the ends of the range, 0 in the middle.
            double tilt = 0.08 * (b - (n - 1) / 2.0) / ((n - 1) / 2.0);
            zzUp[b] = t[0][b] * (1 + tilt);
            zzDown[b] = t[0][b] * (1 - 0.7 * tilt);
        }
        List<Sample> sr = new ArrayList<>();
        sr.add(Sample.background("zz", t[0]).withNormSys("lumi", 1.026, 0.974)
                .withHistoSys("zz_shape", zzUp, zzDown));
        sr.add(Sample.background("z_plus_x", t[1]).withNormSys("zx_norm", 1.4, 0.65));
        sr.add(Sample.background("ttbar", t[2]));
        sr.add(Sample.signal("h125", t[3]).withNormSys("lumi", 1.026, 0.974)
                .withNormSys("sig_theory", 1.1, 0.92));
        Channel control = new Channel("control", new double[] {31, 40, 22},
                List.of(Sample.background("zz", new double[] {28, 37, 25})
                        .withNormSys("lumi", 1.026, 0.974)
                        .withHistoSys("zz_shape", new double[] {27, 39, 27},
                                new double[] {29, 35, 24}),
                        Sample.signal("h125", new double[] {0.2, 0.5, 0.1})));
        return BinnedModel.of(List.of(new Channel("m4l", CMS_OBSERVED, sr), control));
    }

    @Test
    void modelWithNormsysAndHistosysAgreesWithPyhf() throws Exception {
        BinnedModel model = modelWithSystematics(cmsTemplates());
        assertEquals(List.of("mu", "lumi", "zz_shape", "zx_norm", "sig_theory"),
                model.parameterNames());
        BinnedFitResult r = BinnedFit.fit(model);
        // Points on both sides of every interpolation kink (alpha > 0 and alpha < 0).
        List<double[]> points = List.of(new double[] {1.0, 0.5, -0.7, 1.2, -0.3},
                new double[] {0.4, -1.5, 1.1, -0.8, 2.0});
        JsonNode py = pyhf(model, points);
        assertAgrees(py, r);
        for (int i = 0; i < points.size(); i++) {
            assertRelative(py.get("nll_points").get(i).asDouble(),
                    BinnedFit.nll(model, points.get(i)), 1e-12, "NLL at point " + i);
        }
    }

    @Test
    void massScanFitsEachHypothesisLikePyhf() throws Exception {
        double[][] t = cmsTemplates();
        // A 122 GeV hypothesis: the 125 GeV template moved down by one 3 GeV bin.
        double[] shifted = new double[t[3].length];
        System.arraycopy(t[3], 1, shifted, 0, shifted.length - 1);
        List<Sample> at122 = new ArrayList<>(cmsSamples(t));
        at122.set(3, at122.get(3).withNominal(shifted));
        SortedMap<Double, BinnedModel> models = new TreeMap<>();
        models.put(125.0, BinnedModel.of(List.of(
                new Channel("m4l", CMS_OBSERVED, cmsSamples(t)))));
        models.put(122.0, BinnedModel.of(List.of(new Channel("m4l", CMS_OBSERVED, at122))));

        List<MassScanPoint> scan = BinnedFit.massScan(models);
        assertEquals(List.of(122.0, 125.0), scan.stream().map(MassScanPoint::mass).toList());
        assertAgrees(pyhf(models.get(122.0), List.of()), scan.get(0).fit());
        // The data peak at 124-127 GeV: the 125 GeV hypothesis is the more significant one.
        assertTrue(scan.get(1).fit().q0() > scan.get(0).fit().q0(), scan.toString());
    }
}
