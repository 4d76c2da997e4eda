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
import org.hepbridge.testing.PythonOracle;
import org.hepbridge.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The lepton-scale systematic on the fitted mass, against an independent computation
 * (src/test/python/atlas_mass_scale_oracle.py): uproot reads the data, the scale constants are
 * parsed from native/data/hbl_calibration.txt and applied by hand to lep_pt and lep_E, the
 * selection is redone in numpy and the masses are refitted with iminuit.
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
    void scaleShiftsOfTheFittedMassAgreeWithRefitsOfHandScaledLeptons() throws Exception {
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

        // Combination written out: a source is the larger absolute shift, sources in quadrature.
        double electrons = Math.max(Math.abs(oracleShifts[0]), Math.abs(oracleShifts[1]));
        double muons = Math.max(Math.abs(oracleShifts[2]), Math.abs(oracleShifts[3]));
        assertEquals(electrons, syst.sources().get("EG_SCALE"), MASS_TOLERANCE_GEV);
        assertEquals(muons, syst.sources().get("MUON_SCALE"), MASS_TOLERANCE_GEV);
        assertEquals(Math.hypot(electrons, muons), syst.total(), MASS_TOLERANCE_GEV);
        assertTrue(syst.total() > 0.01, "a 0.4-0.8% electron scale moves a 122 GeV peak");
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
        assertEquals(List.of(HzzAnalysis.NOMINAL), List.copyOf(result.m4lByVariation().keySet()));
    }
}
