package org.hepbridge.legacy;

import static org.hepbridge.legacy.Segments.doubles;
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

/**
 * The candidate builder through the bindings, on the events of the C++ tests (massless
 * leptons at eta = 0, so pair masses follow from m^2 = 2 pT1 pT2 (1 - cos dphi)).
 */
class FourLeptonCandidateBuilderTest {

    private static final float PI = (float) Math.PI;
    private static final float HALF_PI = (float) (Math.PI / 2);

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void closeArena() {
        arena.close();
    }

    /** The outputs of one build call. */
    record Result(int[] eventMask, int[] channel, double[] m4l, double[] m12, double[] m34,
            int[] index) {}

    // Event 0 (slots 0-4): a rejected 60 GeV muon, then e+ e- back to back at 50 GeV
    // (m12 = 100 GeV) and mu+ mu- back to back at 20 GeV (m34 = 40 GeV); m4l = 140 GeV.
    // Event 1 (slots 5-8): four muons 48+ (phi 0), 45+ (pi/2), 43.3- (pi), 30- (-pi/2).
    //   SFOS splits (0,2|1,3), (0,3|1,2): m(0,2) = 2 sqrt(48 * 43.3) = 91.17894 GeV is
    //   closest to 91.1876, so Z1 = (0,2), Z2 = (1,3) with 2 sqrt(45 * 30) = 73.48469 GeV;
    //   m4l = sqrt(166.3^2 - 4.7^2 - 15^2) = 165.55543 GeV.
    // Event 2 (slots 9-10): two leptons only.
    private static final int[] OFFSETS = {0, 5, 9, 11};
    private static final int[] TYPE = {13, 11, 11, 13, 13, 13, 13, 13, 13, 13, 13};
    private static final int[] CHARGE = {1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1};
    private static final float[] PT = {60000, 50000, 50000, 20000, 20000, 48000, 45000, 43300,
        30000, 30000, 30000};
    private static final float[] PHI = {1, 0, PI, HALF_PI, -HALF_PI, 0, HALF_PI, PI, -HALF_PI, 0,
        PI};
    private static final int[] MASK = {LeptonCut.ETCONE20.bit(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private Result build(FourLeptonCandidateBuilder builder, int[] charge, MemorySegment mask) {
        int n = OFFSETS.length - 1;
        MemorySegment eventMask = arena.allocate(4L * n);
        MemorySegment channel = arena.allocate(4L * n);
        MemorySegment m4l = arena.allocate(8L * n);
        MemorySegment m12 = arena.allocate(8L * n);
        MemorySegment m34 = arena.allocate(8L * n);
        MemorySegment index = arena.allocate(16L * n);
        builder.build(n, ints(arena, OFFSETS), ints(arena, TYPE), ints(arena, charge),
                floats(arena, PT), arena.allocate(4L * PT.length), floats(arena, PHI),
                floats(arena, PT), mask, eventMask, channel, m4l, m12, m34, index);
        return new Result(ints(eventMask), ints(channel), doubles(m4l), doubles(m12),
                doubles(m34), ints(index));
    }

    @Test
    void buildsCandidatesHonouringTheLeptonMask() {
        try (FourLeptonCandidateBuilder builder = FourLeptonCandidateBuilder.create("zz")) {
            builder.initialize();
            Result r = build(builder, CHARGE, ints(arena, MASK));
            assertArrayEquals(new int[] {0, 0, EventCut.TOO_FEW_LEPTONS.bit()}, r.eventMask());
            assertArrayEquals(new int[] {Channel.TWO_E_TWO_MU.code(), Channel.FOUR_MU.code(),
                Channel.NONE.code()}, r.channel());
            assertEquals(140000.0, r.m4l()[0], 0.01);
            assertEquals(100000.0, r.m12()[0], 0.01);
            assertEquals(40000.0, r.m34()[0], 0.01);
            assertEquals(165555.429, r.m4l()[1], 0.01);
            assertEquals(91178.945, r.m12()[1], 0.01);
            assertEquals(73484.692, r.m34()[1], 0.01);
            assertTrue(Double.isNaN(r.m4l()[2]) && Double.isNaN(r.m12()[2]));
            assertArrayEquals(new int[] {1, 2, 3, 4, 0, 2, 1, 3, -1, -1, -1, -1}, r.index());
        }
    }

    @Test
    void withoutMaskTheFifthLeptonCountsAndTheChargeCutKeepsM4l() {
        int[] charge = CHARGE.clone();
        charge[7] = 1;  // event 1: + + + -, no SFOS pairing, m4l still computed
        // Event 0 without the mask: five usable leptons, the first four mu+ e+ e- mu+ sum
        // to charge +2.
        try (FourLeptonCandidateBuilder builder = FourLeptonCandidateBuilder.create("zz")) {
            builder.initialize();
            Result r = build(builder, charge, MemorySegment.NULL);
            assertEquals(EventCut.TOO_MANY_LEPTONS.bit() | EventCut.CHARGE.bit(),
                    r.eventMask()[0]);
            assertEquals(EventCut.CHARGE.bit(), r.eventMask()[1]);
            assertEquals(165555.429, r.m4l()[1], 0.01);
            assertTrue(Double.isNaN(r.m12()[1]) && Double.isNaN(r.m34()[1]));
            assertArrayEquals(new int[] {-1, -1, -1, -1}, java.util.Arrays.copyOfRange(
                    r.index(), 4, 8));
        }
    }

    @Test
    void leadingLeptonThresholdsAndZMassAreProperties() {
        // Leading pT 50 GeV in event 0 passes 49 GeV, 48 GeV in event 1 fails it;
        // ZMass 73.5 GeV makes (1,3) Z1.
        try (FourLeptonCandidateBuilder builder = FourLeptonCandidateBuilder.create("zz")
                .setProperty("LeadingLeptonMinPt", "49000,15000,10000")
                .setProperty("ZMass", 73500.0)) {
            builder.initialize();
            Result r = build(builder, CHARGE, ints(arena, MASK));
            assertEquals(0, r.eventMask()[0]);
            assertEquals(EventCut.LEPTON_PT.bit(), r.eventMask()[1]);
            assertEquals(73484.692, r.m12()[1], 0.01);
            assertArrayEquals(new int[] {1, 3, 0, 2}, java.util.Arrays.copyOfRange(
                    r.index(), 4, 8));
        }
    }

    @Test
    void shortOutputIsRefusedNamingArgumentAndSizes() {
        try (FourLeptonCandidateBuilder builder = FourLeptonCandidateBuilder.create("zz")) {
            builder.initialize();
            MemorySegment f = arena.allocate(4L * 11);
            MemorySegment i = arena.allocate(4L * 11);
            MemorySegment small = arena.allocate(16);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.build(3, ints(arena, OFFSETS), i, i, f, f, f, f,
                            MemorySegment.NULL, i, i, arena.allocate(24), small, small,
                            arena.allocate(48)));
            assertEquals("FourLeptonCandidateBuilder 'zz': argument 'm12Out' needs 24 bytes "
                    + "(3 double values), has 16", e.getMessage());
            IllegalArgumentException shortLeptons = assertThrows(IllegalArgumentException.class,
                    () -> builder.build(3, ints(arena, OFFSETS), i, i, f, f, f,
                            arena.allocate(40), MemorySegment.NULL, i, i, small, small, small,
                            small));
            assertEquals("FourLeptonCandidateBuilder 'zz': argument 'e' needs 44 bytes "
                    + "(11 float values), has 40", shortLeptons.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> builder.build(-1, null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null));
            assertEquals("FourLeptonCandidateBuilder 'zz': argument 'nEvents' = -1 is outside "
                    + "[0, 2147483646]", negative.getMessage());
        }
    }

    // A heap segment's address() is its offset in the array, 0 for a whole int[]: the wrapper
    // took that for MemorySegment.NULL ("use all leptons") and dropped the mask silently,
    // where every other heap argument is refused.
    @Test
    void heapLeptonMaskIsRefusedNotTakenForNull() {
        try (FourLeptonCandidateBuilder builder = FourLeptonCandidateBuilder.create("zz")) {
            builder.initialize();
            MemorySegment heapMask = MemorySegment.ofArray(MASK);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> build(builder, CHARGE, heapMask));
            assertEquals("FourLeptonCandidateBuilder 'zz': argument 'leptonMask' is a heap "
                    + "segment; the legacy tools need native memory (an Arena allocation or an "
                    + "Arrow buffer)", e.getMessage());
        }
    }
}
