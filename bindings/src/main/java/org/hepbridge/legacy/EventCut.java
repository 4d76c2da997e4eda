package org.hepbridge.legacy;

import java.util.EnumSet;
import java.util.Set;

/** The bits of the per-event mask of {@link FourLeptonCandidateBuilder} (hbl_event_cut). */
public enum EventCut {
    TOO_FEW_LEPTONS(1),
    TOO_MANY_LEPTONS(2),
    LEPTON_PT(4),
    CHARGE(8),
    FLAVOUR(16);

    private final int bit;

    EventCut(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The name of the constant in hbl.h, e.g. {@code HBL_EVENT_CHARGE}. */
    public String cName() {
        return "HBL_EVENT_" + name();
    }

    /** True when this requirement's bit is set in {@code mask}, i.e. the event failed it. */
    public boolean failedIn(int mask) {
        return (mask & bit) != 0;
    }

    /** The requirements whose bits are set in {@code mask}. */
    public static Set<EventCut> decode(int mask) {
        Set<EventCut> cuts = EnumSet.noneOf(EventCut.class);
        for (EventCut cut : values()) {
            if (cut.failedIn(mask)) {
                cuts.add(cut);
            }
        }
        return cuts;
    }
}
