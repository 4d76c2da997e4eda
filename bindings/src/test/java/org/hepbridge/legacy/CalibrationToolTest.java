package org.hepbridge.legacy;

import static org.hepbridge.legacy.Segments.floats;
import static org.hepbridge.legacy.Segments.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration tools through the bindings, on the hand-computed values of the C++ tests. */
class CalibrationToolTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void closeArena() {
        arena.close();
    }

    private static CalibrationTool initialized(CalibrationTool tool) {
        tool.setProperty("CalibrationFile", CalibrationFiles.defaultFile().toString()).initialize();
        return tool;
    }

    @Test
    void listsVariations() {
        try (CalibrationTool e = initialized(CalibrationTool.electrons("e"));
                CalibrationTool mu = initialized(CalibrationTool.muons("mu"))) {
            assertEquals(List.of("EG_SCALE__1up", "EG_SCALE__1down", "EG_RESOLUTION__1up",
                    "EG_RESOLUTION__1down"), e.variations());
            assertEquals(List.of("MUON_SCALE__1up", "MUON_SCALE__1down", "MUON_RESOLUTION__1up",
                    "MUON_RESOLUTION__1down"), mu.variations());
        }
    }

    @Test
    void muonScaleDownInPlaceWithOffsetsNotStartingAtZero() {
        // Slot 0 is outside the batch; event 0 = slots [1, 3), event 1 = slot [3, 4).
        // MUON_SCALE__1down: |eta| 0.5 (s = 0.0005): 40000 * 0.9995 = 39980, 50000 -> 49975;
        // the electron is untouched; |eta| 2.0 (s = 0.001): 20000 * 0.999 = 19980, 80000 -> 79920.
        MemorySegment pt = floats(arena, -1f, 40000f, 30000f, 20000f);
        MemorySegment e = floats(arena, -1f, 50000f, 30000f, 80000f);
        try (CalibrationTool tool = initialized(CalibrationTool.muons("calib"))) {
            tool.calibrate("MUON_SCALE__1down", 2, ints(arena, 1, 3, 4), ints(arena, 100, 101),
                    ints(arena, 13, 13, 11, 13), pt, floats(arena, 0f, 0.5f, 0.5f, -2f), e, pt, e);
        }
        assertArrayEquals(new float[] {-1f, 39980f, 30000f, 19980f}, floats(pt), 0.004f);
        assertArrayEquals(new float[] {-1f, 49975f, 30000f, 79920f}, floats(e), 0.004f);
    }

    @Test
    void electronScaleUpUsesTheEtaBin() {
        // Barrel (|eta| 0.5, s = 0.004): 40000 -> 40160, E 50000 -> 50200.
        // End-cap (|eta| 2.0, s = 0.008): 40000 -> 40320, E 150000 -> 151200.
        MemorySegment ptOut = arena.allocate(8);
        MemorySegment eOut = arena.allocate(8);
        try (CalibrationTool tool = initialized(CalibrationTool.electrons("calib"))) {
            tool.calibrate("EG_SCALE__1up", 1, ints(arena, 0, 2), ints(arena, 1),
                    ints(arena, 11, 11), floats(arena, 40000f, 40000f), floats(arena, -0.5f, 2f),
                    floats(arena, 50000f, 150000f), ptOut, eOut);
        }
        assertArrayEquals(new float[] {40160f, 40320f}, floats(ptOut), 0.004f);
        assertArrayEquals(new float[] {50200f, 151200f}, floats(eOut), 0.016f);
    }

    @Test
    void oneToolAlternatingVariationsAppliesEachCallsOwn() {
        // The tool keeps the names of variations it has accepted; each call must still apply
        // its own. Barrel electron, s = 0.004: up 40000 -> 40160, down -> 39840, nominal 40000.
        try (CalibrationTool tool = initialized(CalibrationTool.electrons("calib"))) {
            String[] variations = {"EG_SCALE__1up", "EG_SCALE__1down", "NOMINAL",
                "EG_SCALE__1up", "", "EG_SCALE__1down"};
            float[] expected = {40160f, 39840f, 40000f, 40160f, 40000f, 39840f};
            for (int i = 0; i < variations.length; i++) {
                MemorySegment pt = floats(arena, 40000f);
                tool.calibrate(variations[i], 1, ints(arena, 0, 1), ints(arena, 9),
                        ints(arena, 11), pt, floats(arena, 0.5f), floats(arena, 50000f), pt,
                        arena.allocate(4));
                assertEquals(expected[i], floats(pt)[0], 0.004f, variations[i] + ", call " + i);
            }
            LegacyToolException unknown = assertThrows(LegacyToolException.class,
                    () -> calibrateOne(tool, "EG_SCALE__1UP", 0.5f));
            assertEquals(Status.UNKNOWN_VARIATION, unknown.status());
        }
    }

    /**
     * The documented deviate, computed independently: java.util.SplittableRandom is
     * splitmix64; seed = (event << 32 | index) ^ "EG_RESOL" (ASCII, big-endian);
     * u = ((x >>> 11) + 0.5) / 2^53; g = sqrt(-2 ln u1) cos(2 pi u2).
     */
    private static double deviate(int event, int index) {
        long stream = 0x45475F5245534F4CL;
        SplittableRandom random = new SplittableRandom(((long) event << 32 | index) ^ stream);
        double u1 = ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        double u2 = ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void resolutionFollowsTheDocumentedGeneratorAndDownMirrorsUp() {
        // Event 1234: a muon (left alone) at index 0, a barrel electron (r = 0.01) at index 1.
        double g = deviate(1234, 1);
        float[] up = smearElectron("EG_RESOLUTION__1up");
        float[] down = smearElectron("EG_RESOLUTION__1down");
        assertEquals(30000f, up[0]);
        assertEquals((float) (50000 * (1 + 0.01 * g)), up[1], 0.008f);
        assertEquals((float) (50000 * (1 - 0.01 * g)), down[1], 0.008f);
        assertEquals(100000f, up[1] + down[1], 0.008f);
        assertTrue(up[1] != 50000f, "the draw moved the momentum");
    }

    private float[] smearElectron(String variation) {
        MemorySegment pt = floats(arena, 30000f, 50000f);
        try (CalibrationTool tool = initialized(CalibrationTool.electrons("calib"))) {
            tool.calibrate(variation, 1, ints(arena, 0, 2), ints(arena, 1234), ints(arena, 13, 11),
                    pt, floats(arena, 0.3f, 0.3f), floats(arena, 30000f, 60000f), pt,
                    arena.allocate(8));
        }
        return floats(pt);
    }

    @Test
    void nativeErrorsCarryTheirMessage() {
        try (CalibrationTool tool = initialized(CalibrationTool.electrons("calib"))) {
            LegacyToolException unknown = assertThrows(LegacyToolException.class,
                    () -> calibrateOne(tool, "EG_SCALE__up", 0.5f));
            assertEquals(Status.UNKNOWN_VARIATION, unknown.status());
            assertEquals("calib", unknown.toolName());
            assertTrue(unknown.getMessage().startsWith("calib: HBL_ERROR_UNKNOWN_VARIATION: "
                    + "unknown variation 'EG_SCALE__up' for ElectronCalibrationTool; nearest: "
                    + "EG_SCALE__1up"), unknown.getMessage());

            LegacyToolException outside = assertThrows(LegacyToolException.class,
                    () -> calibrateOne(tool, "EG_SCALE__1up", 2.6f));
            assertEquals("calib: HBL_ERROR_INVALID_VALUE: electron 0 of event 9 has |eta| = "
                    + "2.5999999, outside every 'electron scale' bin of "
                    + CalibrationFiles.defaultFile() + " (bins [0, 1.37) [1.37, 2.47])",
                    outside.getMessage());
        }
    }

    private void calibrateOne(CalibrationTool tool, String variation, float eta) {
        MemorySegment pt = floats(arena, 40000f);
        tool.calibrate(variation, 1, ints(arena, 0, 1), ints(arena, 9), ints(arena, 11), pt,
                floats(arena, eta), floats(arena, 50000f), pt, arena.allocate(4));
    }

    @Test
    void malformedCalibrationFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"),
                "muon scale 0 2.7 0.001\nmuon resolution 0 2.7 2%\n");
        try (CalibrationTool tool = CalibrationTool.muons("mu")) {
            tool.setProperty("CalibrationFile", file.toString());
            LegacyToolException e = assertThrows(LegacyToolException.class, tool::initialize);
            assertEquals(Status.CALIBRATION_FILE, e.status());
            assertEquals("mu: HBL_ERROR_CALIBRATION_FILE: " + file
                    + ":2: value is not a finite number, got '2%'", e.getMessage());
        }
    }

    @Test
    void calibrationFileIsRequiredAndInitializeComesFirst() {
        try (CalibrationTool tool = CalibrationTool.muons("mu")) {
            LegacyToolException early = assertThrows(LegacyToolException.class,
                    () -> tool.variations());
            assertEquals("mu: HBL_ERROR_NOT_INITIALIZED: hbl_calibration_variation_count called "
                    + "before a successful hbl_tool_initialize", early.getMessage());
            LegacyToolException e = assertThrows(LegacyToolException.class, tool::initialize);
            assertEquals("mu: HBL_ERROR_CALIBRATION_FILE: property 'CalibrationFile' is "
                    + "required: the path of the calibration text file (none was set)",
                    e.getMessage());
        }
    }

    @Test
    void badSegmentsAreRefusedBeforeTheDowncall() {
        try (CalibrationTool tool = initialized(CalibrationTool.electrons("calib"))) {
            MemorySegment offsets = ints(arena, 0, 4);
            MemorySegment four = floats(arena, 1f, 1f, 1f, 1f);
            MemorySegment three = floats(arena, 1f, 1f, 1f);
            MemorySegment types = ints(arena, 11, 11, 11, 11);
            IllegalArgumentException shortPt = assertThrows(IllegalArgumentException.class,
                    () -> tool.calibrate("", 1, offsets, ints(arena, 1), types, three, four, four,
                            four, four));
            assertEquals("ElectronCalibrationTool 'calib': argument 'pt' needs 16 bytes "
                    + "(4 float values), has 12", shortPt.getMessage());
            IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
                    () -> tool.calibrate("", 1, offsets, ints(arena, 1), types, four,
                            MemorySegment.ofArray(new float[4]), four, four, four));
            assertEquals("ElectronCalibrationTool 'calib': argument 'eta' is a heap segment; "
                    + "the legacy tools need native memory (an Arena allocation or an Arrow "
                    + "buffer)", heap.getMessage());
            IllegalArgumentException readOnly = assertThrows(IllegalArgumentException.class,
                    () -> tool.calibrate("", 1, offsets, ints(arena, 1), types, four, four, four,
                            four, four.asReadOnly()));
            assertEquals("ElectronCalibrationTool 'calib': argument 'eOut' is read-only but "
                    + "receives results", readOnly.getMessage());
            IllegalArgumentException shortOffsets = assertThrows(IllegalArgumentException.class,
                    () -> tool.calibrate("", 2, offsets, ints(arena, 1, 2), types, four, four,
                            four, four, four));
            assertEquals("ElectronCalibrationTool 'calib': argument 'offsets' needs 12 bytes "
                    + "(3 int values), has 8", shortOffsets.getMessage());
        }
    }

    @Test
    void decreasingOffsetsAreRejectedByTheNativeTool() {
        try (CalibrationTool tool = initialized(CalibrationTool.muons("calib"))) {
            MemorySegment one = floats(arena, 1f);
            LegacyToolException e = assertThrows(LegacyToolException.class,
                    () -> tool.calibrate("", 2, ints(arena, 0, 1, 0), ints(arena, 1, 2),
                            ints(arena, 13), one, one, one, one, one));
            assertEquals("calib: HBL_ERROR_INVALID_BATCH: hbl_calibrate_leptons: offsets[2] = 0 "
                    + "is below offsets[1] = 1 (offsets must be non-decreasing)", e.getMessage());
            // Offsets that jump far past the buffers in the middle and come back at the end:
            // the Java side checks the buffers against offsets[2] = 1 only, so the native
            // monotonicity check is what stops a read a million floats past the end.
            LegacyToolException jump = assertThrows(LegacyToolException.class,
                    () -> tool.calibrate("", 2, ints(arena, 0, 1_000_000, 1), ints(arena, 1, 2),
                            ints(arena, 13), one, one, one, one, one));
            assertEquals("calib: HBL_ERROR_INVALID_BATCH: hbl_calibrate_leptons: offsets[2] = 1 "
                    + "is below offsets[1] = 1000000 (offsets must be non-decreasing)",
                    jump.getMessage());
            // Results written over the offsets are refused before the call (the native side
            // would stop the batch too, see CApiTest.OutputsOverlappingTheOffsetsStopTheBatch).
            MemorySegment block = ints(arena, 0, 2, 0, 0);
            IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                    () -> tool.calibrate("MUON_SCALE__1up", 1, block, ints(arena, 1),
                            ints(arena, 13, 13), floats(arena, 1f, 2f), floats(arena, 0f, 0f),
                            floats(arena, 1f, 2f), block, floats(arena, 0f, 0f)));
            assertEquals("MuonCalibrationTool 'calib': argument 'ptOut' overlaps 'offsets'; the "
                    + "results would overwrite the batch's offsets", overlap.getMessage());
            // An empty batch needs no buffers at all.
            tool.calibrate("NOMINAL", 0, MemorySegment.NULL, null, null, null, null, null, null,
                    null);
        }
    }

    @Test
    void closeIsIdempotentAndFinal() {
        CalibrationTool tool = CalibrationTool.electrons("calib");
        tool.close();
        tool.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, tool::initialize);
        assertEquals("ElectronCalibrationTool 'calib' is closed", e.getMessage());
    }

    // C reads a name up to its first NUL: "MUON_SCALE__1down\0junk" was applied as
    // MUON_SCALE__1down, and every such distinct string added a C copy to the tool's cache of
    // accepted names, which lives as long as the tool.
    @Test
    void variationNameWithNulIsRefusedNotTruncated() {
        MemorySegment pt = floats(arena, 40000f);
        MemorySegment e = floats(arena, 50000f);
        try (CalibrationTool tool = initialized(CalibrationTool.muons("calib"))) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> tool.calibrate("MUON_SCALE__1down\0junk", 1, ints(arena, 0, 1),
                            ints(arena, 9), ints(arena, 13), pt, floats(arena, 0.5f), e, pt, e));
            assertEquals("MuonCalibrationTool 'calib': variation name 'MUON_SCALE__1down\\0junk'"
                    + " contains a NUL character", thrown.getMessage());
        }
        assertArrayEquals(new float[] {40000f}, floats(pt));
    }
}
