package org.hepbridge.legacy;

import java.util.EnumSet;
import java.util.Set;

/** The bits of the per-lepton cut mask of {@link LeptonSelectionTool} (hbl_lepton_cut). */
public enum LeptonCut {
    FLAVOUR(1),
    PT(2),
    ETA(4),
    D0_SIGNIFICANCE(8),
    Z0_SIN_THETA(16),
    PTCONE30(32),
    ETCONE20(64);

    private final int bit;

    LeptonCut(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The name of the constant in hbl.h, e.g. {@code HBL_CUT_PT}. */
    public String cName() {
        return "HBL_CUT_" + name();
    }

    /** True when this cut's bit is set in {@code mask}, i.e. the lepton failed it. */
    public boolean failedIn(int mask) {
        return (mask & bit) != 0;
    }

    /** The cuts whose bits are set in {@code mask}. */
    public static Set<LeptonCut> decode(int mask) {
        Set<LeptonCut> cuts = EnumSet.noneOf(LeptonCut.class);
        for (LeptonCut cut : values()) {
            if (cut.failedIn(mask)) {
                cuts.add(cut);
            }
        }
        return cuts;
    }
}
