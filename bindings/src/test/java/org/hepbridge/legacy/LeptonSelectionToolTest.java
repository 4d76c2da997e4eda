package org.hepbridge.legacy;

import static org.hepbridge.legacy.Segments.floats;
import static org.hepbridge.legacy.Segments.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The selection through the bindings, cut by cut at and around each threshold. */
class LeptonSelectionToolTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void closeArena() {
        arena.close();
    }

    /** One lepton per row: type, pt, eta, ptcone30, etcone20, d0, d0Sigma, z0. */
    private int[] select(LeptonSelectionTool tool, float[][] rows) {
        int n = rows.length;
        float[][] columns = new float[8][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 8; c++) {
                columns[c][i] = rows[i][c];
            }
        }
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = (int) columns[0][i];
        }
        MemorySegment mask = arena.allocate(4L * n);
        tool.select(n, ints(arena, types), floats(arena, columns[1]), floats(arena, columns[2]),
                floats(arena, columns[3]), floats(arena, columns[4]), floats(arena, columns[5]),
                floats(arena, columns[6]), floats(arena, columns[7]), mask);
        return ints(mask);
    }

    @Test
    void everyCutAtAndAroundItsThreshold() {
        // sigma(d0) = 0.125 and d0 = 0.625 give |d0/sigma| = 5, d0 = 0.375 gives 3 (exact).
        // At eta = 0, sin(theta) = 1. Isolation ratios relative to pT = 20000.
        float[][] rows = {
            {11, 20000, 0, 0, 0, 0, 1, 0},          // 0: good electron
            {11, 7000, 0, 0, 0, 0, 1, 0},           // PT (7000 is not > 7000)
            {11, 7000.5f, 0, 0, 0, 0, 1, 0},        // 0
            {13, 5000, 0, 0, 0, 0, 1, 0},           // PT
            {13, 6000, 0, 0, 0, 0, 1, 0},           // 0 (muon threshold 5000)
            {11, 20000, -2.47f, 0, 0, 0, 1, 0},     // ETA
            {11, 20000, 2.46f, 0, 0, 0, 1, 0},      // 0
            {13, 20000, 2.47f, 0, 0, 0, 1, 0},      // 0 (muons to 2.5)
            {13, 20000, -2.5f, 0, 0, 0, 1, 0},      // ETA
            {11, 20000, 0, 0, 0, 0.625f, 0.125f, 0}, // D0_SIGNIFICANCE (5)
            {11, 20000, 0, 0, 0, 0.62f, 0.125f, 0}, // 0 (4.96)
            {13, 20000, 0, 0, 0, -0.375f, 0.125f, 0}, // D0_SIGNIFICANCE (3)
            {13, 20000, 0, 0, 0, 0.37f, 0.125f, 0}, // 0 (2.96)
            {13, 20000, 0, 0, 0, 0, 1, 0.5f},       // Z0_SIN_THETA
            {13, 20000, 0, 0, 0, 0, 1, -0.49f},     // 0
            {11, 20000, 0, 6000, 0, 0, 1, 0},       // PTCONE30 (0.3)
            {11, 20000, 0, 5990, 0, 0, 1, 0},       // 0 (0.2995)
            {13, 20000, 0, 0, 6000, 0, 1, 0},       // ETCONE20 (0.3)
            {13, 20000, 0, 0, -500, 0, 1, 0},       // 0
            {13, 1000, 3, 500, 500, 10, 1, 10},     // all six cuts
            {15, 1000, 0, 0, 0, 0, 1, 1},           // FLAVOUR and Z0_SIN_THETA
        };
        int[] expected = {0, 2, 0, 2, 0, 4, 0, 0, 4, 8, 0, 8, 0, 16, 0, 32, 0, 64, 0, 126, 17};
        try (LeptonSelectionTool tool = LeptonSelectionTool.create("sel")) {
            tool.initialize();
            assertArrayEquals(expected, select(tool, rows));
        }
    }

    @Test
    void numericPropertiesOverrideTheWorkingPoint() {
        // ElectronMinPt 10000: a 9 GeV electron now fails; ptcone30/pT = 1800/9000 = 0.2
        // fails MaxPtCone30OverPt 0.15.
        try (LeptonSelectionTool tool = LeptonSelectionTool.create("tight")
                .setProperty("ElectronMinPt", 10000.0)
                .setProperty("MaxPtCone30OverPt", "0.15")) {
            tool.initialize();
            int[] mask = select(tool, new float[][] {{11, 9000, 0, 1800, 0, 0, 1, 0}});
            assertEquals(LeptonCut.PT.bit() | LeptonCut.PTCONE30.bit(), mask[0]);
        }
    }

    @Test
    void propertyErrorsCarryTheNativeText() {
        try (LeptonSelectionTool tool = LeptonSelectionTool.create("sel")) {
            LegacyToolException unknown = assertThrows(LegacyToolException.class,
                    () -> tool.setProperty("MuonMinPT", 6000.0));
            assertEquals(Status.UNKNOWN_PROPERTY, unknown.status());
            assertTrue(unknown.getMessage().startsWith("sel: HBL_ERROR_UNKNOWN_PROPERTY: no "
                    + "property 'MuonMinPT' in LeptonSelectionTool; nearest: MuonMinPt"),
                    unknown.getMessage());
            LegacyToolException nan = assertThrows(LegacyToolException.class,
                    () -> tool.setProperty("MuonMinPt", Double.NaN));
            assertEquals("sel: HBL_ERROR_INVALID_VALUE: property 'MuonMinPt' expects a finite "
                    + "number, got 'NaN'", nan.getMessage());
            tool.initialize();
            LegacyToolException late = assertThrows(LegacyToolException.class,
                    () -> tool.setProperty("MuonMinPt", "6000"));
            assertEquals("sel: HBL_ERROR_ALREADY_INITIALIZED: cannot set property 'MuonMinPt' "
                    + "to '6000': the tool is already initialized", late.getMessage());
        }
    }

    @Test
    void selectBeforeInitializeIsRefused() {
        try (LeptonSelectionTool tool = LeptonSelectionTool.create("sel")) {
            LegacyToolException e = assertThrows(LegacyToolException.class,
                    () -> select(tool, new float[][] {{11, 20000, 0, 0, 0, 0, 1, 0}}));
            assertEquals(Status.NOT_INITIALIZED, e.status());
            assertEquals("hbl_select_leptons called before a successful hbl_tool_initialize",
                    e.nativeMessage());
        }
    }
}
