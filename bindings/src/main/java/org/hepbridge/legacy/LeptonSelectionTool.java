package org.hepbridge.legacy;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import org.hepbridge.legacy.ffi.hbl_h;

/**
 * The lepton cuts of the 2020 ATLAS Open Data H→ZZ*→4l analysis (native
 * LeptonSelectionTool), applied to a flat batch of leptons.
 *
 * <p>Each lepton gets a mask of {@link LeptonCut} bits, one per failed cut (0 = selected).
 * A cut passes only on the strict inequality: pT &gt; MinPt, |eta| &lt; MaxAbsEta,
 * |d0/σ(d0)| &lt; MaxD0Significance (per flavour), |z0 sin θ| &lt; MaxZ0SinTheta,
 * ptcone30/pT &lt; MaxPtCone30OverPt, etcone20/pT &lt; MaxEtCone20OverPt. Defaults
 * (MeV, mm): ElectronMinPt 7000, ElectronMaxAbsEta 2.47, ElectronMaxD0Significance 5,
 * MuonMinPt 5000, MuonMaxAbsEta 2.5, MuonMaxD0Significance 3, MaxZ0SinTheta 0.5,
 * MaxPtCone30OverPt 0.3, MaxEtCone20OverPt 0.3.
 *
 * <p>Lifetime and threading as for every {@link LegacyTool}.
 */
public final class LeptonSelectionTool extends LegacyTool {

    private LeptonSelectionTool(String name) {
        super("LeptonSelectionTool", name);
    }

    /** A new selection tool with the default working point. */
    public static LeptonSelectionTool create(String name) {
        return new LeptonSelectionTool(name);
    }

    @Override
    public LeptonSelectionTool setProperty(String property, String value) {
        super.setProperty(property, value);
        return this;
    }

    @Override
    public LeptonSelectionTool setProperty(String property, double value) {
        super.setProperty(property, value);
        return this;
    }

    /**
     * Writes the cut mask of each of {@code nLeptons} leptons to {@code cutMaskOut} (uint32).
     * Inputs per lepton: {@code type} (uint32), {@code pt}, {@code eta}, {@code ptcone30},
     * {@code etcone20}, {@code d0}, {@code d0Sigma}, {@code z0} (float; MeV, mm). All
     * segments must be native and hold at least nLeptons values; they are used in place.
     *
     * @throws IllegalArgumentException naming the argument for a heap, read-only or short
     *     segment
     * @throws LegacyToolException NOT_INITIALIZED
     */
    public synchronized void select(long nLeptons, MemorySegment type, MemorySegment pt,
            MemorySegment eta, MemorySegment ptcone30, MemorySegment etcone20, MemorySegment d0,
            MemorySegment d0Sigma, MemorySegment z0, MemorySegment cutMaskOut) {
        MemorySegment tool = handle();
        SegmentChecks checks = new SegmentChecks(this);
        long n = checks.count("nLeptons", nLeptons);
        if (n > 0) {
            checks.input("type", type, n, JAVA_INT);
            checks.input("pt", pt, n, JAVA_FLOAT);
            checks.input("eta", eta, n, JAVA_FLOAT);
            checks.input("ptcone30", ptcone30, n, JAVA_FLOAT);
            checks.input("etcone20", etcone20, n, JAVA_FLOAT);
            checks.input("d0", d0, n, JAVA_FLOAT);
            checks.input("d0Sigma", d0Sigma, n, JAVA_FLOAT);
            checks.input("z0", z0, n, JAVA_FLOAT);
            checks.output("cutMaskOut", cutMaskOut, n, JAVA_INT);
        }
        check(hbl_h.hbl_select_leptons(tool, n, SegmentChecks.orNull(n, type),
                SegmentChecks.orNull(n, pt), SegmentChecks.orNull(n, eta),
                SegmentChecks.orNull(n, ptcone30), SegmentChecks.orNull(n, etcone20),
                SegmentChecks.orNull(n, d0), SegmentChecks.orNull(n, d0Sigma),
                SegmentChecks.orNull(n, z0), SegmentChecks.orNull(n, cutMaskOut)));
    }
}
