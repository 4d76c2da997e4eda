package org.hepbridge.analysis.atlas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hepbridge.analysis.ProgressListener;
import org.hepbridge.stats.PeakFitResult;
import org.hepbridge.stats.PeakShiftNuisance;
import org.hepbridge.testing.PythonOracle;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The lepton-scale nuisance parameters of the ATLAS mass fit, against an independent computation
 * (src/test/python/atlas_mass_scale_oracle.py): uproot reads the data, the scale constants are
 * parsed from native/data/hbl_calibration.txt and applied by hand to lep_pt and lep_E, the
 * selection is redone in numpy, the masses are refitted with iminuit, and iminuit fits the
 * nominal masses again with the constrained nuisance parameters built from those shifts.
 */
class MassScaleSystematicTest {
    private static final double MASS_TOLERANCE_GEV = 1e-4;
    private static final List<String> SCALE_VARIATIONS = List.of("EG_SCALE__1up",
            "EG_SCALE__1down", "MUON_SCALE__1up", "MUON_SCALE__1down");

    private static List<Path> inputs() {
        List<Path> inputs = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            inputs.add(TestData.require(relative));
        }
        return inputs;
    }

    private static HzzResult run(boolean variations, Path calibration) throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            return HzzAnalysis.builder().withVariations(variations).calibrationFile(calibration)
                    .build().run(inputs(), allocator, ProgressListener.NONE);
        }
    }

    @Test
    void scaleShiftsAndTheNuisanceFitAgreeWithIminuitOnHandScaledLeptons() throws Exception {
        Path calibration = PythonOracle.repositoryRoot().resolve("native/data/hbl_calibration.txt");
        HzzResult result = run(true, calibration);
        HzzFit fit = HzzFit.fit(result);
        MassScaleSystematic syst = fit.massSystematic();

        List<String> args = new ArrayList<>(List.of(calibration.toString(),
                Double.toString(fit.signalWidth()), Double.toString(fit.result().mass())));
        inputs().forEach(p -> args.add(p.toString()));
        JsonNode oracle = new ObjectMapper().readTree(PythonOracle.run(
                PythonOracle.script("atlas_mass_scale_oracle.py"), args.toArray(String[]::new)));

        double nominal = oracle.get("NOMINAL").get("mass").asDouble();
        assertEquals(nominal, fit.result().mass(), MASS_TOLERANCE_GEV, "nominal fitted mass");
        assertEquals(SCALE_VARIATIONS, syst.variations().stream()
                .map(MassScaleSystematic.Shift::variation).toList());
        double[] oracleShifts = new double[SCALE_VARIATIONS.size()];
        for (int i = 0; i < oracleShifts.length; i++) {
            MassScaleSystematic.Shift shift = syst.variations().get(i);
            JsonNode expected = oracle.get(shift.variation());
            oracleShifts[i] = expected.get("mass").asDouble() - nominal;
            assertEquals(expected.get("mass").asDouble(), shift.mass(), MASS_TOLERANCE_GEV,
                    shift.variation());
            assertEquals(oracleShifts[i], shift.shift(), MASS_TOLERANCE_GEV, shift.variation());
            assertEquals(expected.get("events").asInt(), shift.eventsInWindow(),
                    shift.variation());
            assertEquals(expected.get("selected").asInt(), result.m4l(shift.variation()).length,
                    shift.variation());
            assertTrue(shift.converged(), shift.variation());
        }

        // Per source the nuisance parameter's shifts at theta = +1 / -1 are the up / down shifts.
        List<PeakShiftNuisance> nuisances = syst.nuisances();
        assertEquals(List.of("EG_SCALE", "MUON_SCALE"), nuisances.stream()
                .map(PeakShiftNuisance::name).toList());
        for (int k = 0; k < 2; k++) {
            assertEquals(oracleShifts[2 * k], nuisances.get(k).shiftUp(), MASS_TOLERANCE_GEV);
            assertEquals(oracleShifts[2 * k + 1], nuisances.get(k).shiftDown(),
                    MASS_TOLERANCE_GEV);
        }
        assertNuisanceFitAgrees(oracle.get("NUISANCE_FIT"), fit, nominal);
    }

    /** The fit with the two nuisance parameters against iminuit on the oracle's own shifts. */
    private static void assertNuisanceFitAgrees(JsonNode py, HzzFit fit, double plainMass) {
        PeakFitResult r = fit.result();
        assertTrue(py.get("valid").asBoolean(), "iminuit: " + py);
        assertTrue(r.converged(), r.toString());
        assertEquals(py.get("events").asInt(), r.eventsInRange());
        assertEquals(py.get("mass").asDouble(), r.mass(), 1e-3 * r.massStatError(), "mass");
        assertEquals(plainMass, r.mass(), 1e-3 * r.massStatError(), "the thetas pull nothing");
        assertRelative(py.get("ns").asDouble(), r.signalYield(), 1e-3, "signal yield");
        assertRelative(py.get("nb").asDouble(), r.backgroundYield(), 1e-3, "background yield");
        assertRelative(py.get("slope").asDouble(), r.backgroundSlope(), 1e-3, "slope");
        assertRelative(py.get("mass_stat_error").asDouble(), r.massStatError(), 1e-2, "stat");
        double q0 = 2 * (py.get("nll_b").asDouble() - py.get("nll_sb").asDouble());
        assertEquals(q0, r.q0(), 1e-3 * q0, "q0");
        double thetaTerms = 0;
        for (int k = 0; k < 2; k++) {
            PeakFitResult.FittedNuisance n = r.nuisances().get(k);
            assertEquals(py.get("thetas").get(k).asDouble(), n.theta(), 1e-3, "theta " + k);
            double a = 0.5 * (n.source().shiftUp() - n.source().shiftDown());
            double b = 0.5 * (n.source().shiftUp() + n.source().shiftDown());
            double stat = r.massStatError();
            assertEquals(1 / Math.sqrt(1 + b * b / (stat * stat)), n.thetaError(), 1e-2,
                    "theta error " + k);
            thetaTerms += a * a * n.thetaError() * n.thetaError();
        }
        // Asymmetric shifts put a kink at theta = 0, where iminuit's Hessian is not defined, so
        // the total error is checked by the relation derived in MassPeakFitHandTest (mean shift
        // a per source, theta errors from the averaged curvature) and the profile intervals
        // carry the comparison with iminuit.
        assertEquals(Math.sqrt(r.massStatError() * r.massStatError() + thetaTerms),
                r.massError(), 1e-3 * r.massError(), "total error");
        if (!py.get("mass_error").isNull()) {
            assertRelative(py.get("mass_error").asDouble(), r.massError(), 1e-2, "total error");
        }
        assertEquals(py.get("mass_minos").get(0).asDouble(), fit.massInterval().lower(), 2e-3);
        assertEquals(py.get("mass_minos").get(1).asDouble(), fit.massInterval().upper(), 2e-3);
        assertEquals(py.get("mass_minos_stat").get(0).asDouble(),
                fit.massStatInterval().lower(), 2e-3);
        assertEquals(py.get("mass_minos_stat").get(1).asDouble(),
                fit.massStatInterval().upper(), 2e-3);
        assertTrue(r.massSystError() > 0.01, "a 0.4-0.8% electron scale moves a 122 GeV peak");
    }

    private static void assertRelative(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    @Test
    void perVariationMassesAreTheEventsOfTheVariationHistograms() throws Exception {
        HzzResult result = run(true, PythonOracle.repositoryRoot()
                .resolve("native/data/hbl_calibration.txt"));

        assertArrayEquals(result.m4l(), result.m4l(HzzAnalysis.NOMINAL));
        for (String variation : result.variations()) {
            double[] m4l = result.m4l(variation);
            org.hepbridge.hist.Histogram expected = M4lBinning.WIDE.newHistogram();
            expected.fill(m4l);
            assertArrayEquals(expected.values(true), result.histogram(M4lBinning.WIDE, variation,
                    HzzResult.ALL_CHANNELS).values(true), variation);
        }
    }

    @Test
    void withoutVariationsThereIsNoMassSystematic() throws Exception {
        HzzResult result = run(false, PythonOracle.repositoryRoot()
                .resolve("native/data/hbl_calibration.txt"));

        HzzFit fit = HzzFit.fit(result);

        assertTrue(fit.result() != null, "the nominal fit is still done");
        assertNull(fit.massSystematic());
        assertEquals(List.of(), fit.result().nuisances());
        assertEquals(fit.result().massStatError(), fit.result().massError());
        assertEquals(List.of(HzzAnalysis.NOMINAL), List.copyOf(result.m4lByVariation().keySet()));
    }
}
