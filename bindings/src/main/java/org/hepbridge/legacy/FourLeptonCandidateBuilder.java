package org.hepbridge.legacy;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import org.hepbridge.legacy.ffi.hbl_h;

/**
 * Builds one ZZ* candidate per event (native FourLeptonCandidateBuilder): m4l, the Z1/Z2
 * pairing, m12, m34 and the channel.
 *
 * <p>The first four usable leptons of an event, in stored (pT) order, form the candidate.
 * Requirements, reported as {@link EventCut} bits: four usable leptons; exactly four when
 * RequireExactlyFour (default true); leading-lepton thresholds LeadingLeptonMinPt (MeV,
 * comma list, default none); zero total charge; 4e, 4μ or 2e2μ. m4l is computed whenever
 * four usable leptons exist. Z1 is the same-flavour opposite-charge pair (with an SFOS
 * complement) closest to ZMass (default 91187.6 MeV); Z2 the complement. Masses are NaN and
 * indices -1 when not computable.
 *
 * <p>Lifetime and threading as for every {@link LegacyTool}.
 */
public final class FourLeptonCandidateBuilder extends LegacyTool {

    private FourLeptonCandidateBuilder(String name) {
        super("FourLeptonCandidateBuilder", name);
    }

    /** A new candidate builder with the default configuration. */
    public static FourLeptonCandidateBuilder create(String name) {
        return new FourLeptonCandidateBuilder(name);
    }

    @Override
    public FourLeptonCandidateBuilder setProperty(String property, String value) {
        super.setProperty(property, value);
        return this;
    }

    @Override
    public FourLeptonCandidateBuilder setProperty(String property, double value) {
        super.setProperty(property, value);
        return this;
    }

    /**
     * Builds the candidates of {@code nEvents} events.
     *
     * <p>Per event: {@code offsets} (int32, nEvents + 1 values, Arrow list offsets). Per
     * lepton: {@code type} (uint32), {@code charge} (int32), {@code pt}, {@code eta}, {@code
     * phi}, {@code e} (float, MeV), and {@code leptonMask} (uint32, e.g. the output of {@link
     * LeptonSelectionTool#select}; a lepton is usable when its entry is 0; pass
     * {@link MemorySegment#NULL} to use all). Outputs per event: {@code eventMaskOut} (uint32
     * {@link EventCut} bits), {@code channelOut} (int32 {@link Channel} code), {@code m4lOut},
     * {@code m12Out}, {@code m34Out} (double, MeV), and {@code leptonIndexOut} (int32, 4 per
     * event: Z1's two then Z2's two leptons, as indices within the event). All segments must
     * be native; they are used in place, never copied.
     *
     * @throws IllegalArgumentException naming the argument for a heap, read-only or short
     *     segment
     * @throws LegacyToolException INVALID_BATCH, NOT_INITIALIZED
     */
    public synchronized void build(long nEvents, MemorySegment offsets, MemorySegment type,
            MemorySegment charge, MemorySegment pt, MemorySegment eta, MemorySegment phi,
            MemorySegment e, MemorySegment leptonMask, MemorySegment eventMaskOut,
            MemorySegment channelOut, MemorySegment m4lOut, MemorySegment m12Out,
            MemorySegment m34Out, MemorySegment leptonIndexOut) {
        MemorySegment tool = handle();
        SegmentChecks checks = new SegmentChecks(this);
        long n = checks.count("nEvents", nEvents);
        // Only a native segment at address 0 is NULL: a heap segment's address() is its
        // offset in the array, 0 for a whole array, and must reach the heap check instead.
        boolean allUsable = leptonMask == null
                || (leptonMask.isNative() && leptonMask.address() == 0);
        if (n > 0) {
            long leptons = checks.leptonSlots(offsets, n);
            checks.input("type", type, leptons, JAVA_INT);
            checks.input("charge", charge, leptons, JAVA_INT);
            checks.input("pt", pt, leptons, JAVA_FLOAT);
            checks.input("eta", eta, leptons, JAVA_FLOAT);
            checks.input("phi", phi, leptons, JAVA_FLOAT);
            checks.input("e", e, leptons, JAVA_FLOAT);
            if (!allUsable) {
                checks.input("leptonMask", leptonMask, leptons, JAVA_INT);
            }
            checkOutputs(checks, n, eventMaskOut, channelOut, m4lOut, m12Out, m34Out,
                    leptonIndexOut);
            checks.apartFromOffsets("eventMaskOut", eventMaskOut, n, JAVA_INT, offsets, n);
            checks.apartFromOffsets("channelOut", channelOut, n, JAVA_INT, offsets, n);
            checks.apartFromOffsets("m4lOut", m4lOut, n, JAVA_DOUBLE, offsets, n);
            checks.apartFromOffsets("m12Out", m12Out, n, JAVA_DOUBLE, offsets, n);
            checks.apartFromOffsets("m34Out", m34Out, n, JAVA_DOUBLE, offsets, n);
            checks.apartFromOffsets("leptonIndexOut", leptonIndexOut, 4 * n, JAVA_INT, offsets,
                    n);
        }
        check(hbl_h.hbl_build_candidates(tool, n, orNull(n, offsets), orNull(n, type),
                orNull(n, charge), orNull(n, pt), orNull(n, eta), orNull(n, phi), orNull(n, e),
                allUsable ? MemorySegment.NULL : orNull(n, leptonMask), orNull(n, eventMaskOut),
                orNull(n, channelOut), orNull(n, m4lOut), orNull(n, m12Out), orNull(n, m34Out),
                orNull(n, leptonIndexOut)));
    }

    private static void checkOutputs(SegmentChecks checks, long n, MemorySegment eventMaskOut,
            MemorySegment channelOut, MemorySegment m4lOut, MemorySegment m12Out,
            MemorySegment m34Out, MemorySegment leptonIndexOut) {
        checks.output("eventMaskOut", eventMaskOut, n, JAVA_INT);
        checks.output("channelOut", channelOut, n, JAVA_INT);
        checks.output("m4lOut", m4lOut, n, JAVA_DOUBLE);
        checks.output("m12Out", m12Out, n, JAVA_DOUBLE);
        checks.output("m34Out", m34Out, n, JAVA_DOUBLE);
        checks.output("leptonIndexOut", leptonIndexOut, 4 * n, JAVA_INT);
    }

    private static MemorySegment orNull(long n, MemorySegment segment) {
        return SegmentChecks.orNull(n, segment);
    }
}
