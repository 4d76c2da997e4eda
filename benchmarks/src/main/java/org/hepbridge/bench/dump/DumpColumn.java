package org.hepbridge.bench.dump;

import java.lang.foreign.ValueLayout;

/**
 * The sections of a column dump, in file order (benchmarks/DUMP_FORMAT.md): the offsets, four
 * per-event columns, then eleven per-lepton columns. Each carries the ntuple branch it holds.
 */
public enum DumpColumn {
    OFFSETS("lep_n", Kind.OFFSETS, ValueLayout.JAVA_INT),
    RUN_NUMBER("runNumber", Kind.EVENT, ValueLayout.JAVA_INT),
    EVENT_NUMBER("eventNumber", Kind.EVENT, ValueLayout.JAVA_INT),
    TRIG_E("trigE", Kind.EVENT, ValueLayout.JAVA_BYTE),
    TRIG_M("trigM", Kind.EVENT, ValueLayout.JAVA_BYTE),
    TYPE("lep_type", Kind.LEPTON, ValueLayout.JAVA_INT),
    CHARGE("lep_charge", Kind.LEPTON, ValueLayout.JAVA_INT),
    PT("lep_pt", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    ETA("lep_eta", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    PHI("lep_phi", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    E("lep_E", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    PTCONE30("lep_ptcone30", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    ETCONE20("lep_etcone20", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    D0("lep_trackd0pvunbiased", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    D0_SIGMA("lep_tracksigd0pvunbiased", Kind.LEPTON, ValueLayout.JAVA_FLOAT),
    Z0("lep_z0", Kind.LEPTON, ValueLayout.JAVA_FLOAT);

    /** How many values a section holds. */
    public enum Kind {
        /** n_events + 1 values. */
        OFFSETS,
        /** n_events values. */
        EVENT,
        /** n_leptons values. */
        LEPTON
    }

    private final String branch;
    private final Kind kind;
    private final ValueLayout layout;

    DumpColumn(String branch, Kind kind, ValueLayout layout) {
        this.branch = branch;
        this.kind = kind;
        this.layout = layout;
    }

    /** The ntuple branch the section comes from ({@code lep_n} for the offsets). */
    public String branch() {
        return branch;
    }

    public Kind kind() {
        return kind;
    }

    /** Layout of one value (little-endian in the file). */
    public ValueLayout layout() {
        return layout;
    }

    /** Number of values in a dump of {@code events} events and {@code leptons} leptons. */
    public long count(long events, long leptons) {
        return switch (kind) {
            case OFFSETS -> events + 1;
            case EVENT -> events;
            case LEPTON -> leptons;
        };
    }

    /** Bytes of the section before padding. */
    public long bytes(long events, long leptons) {
        return count(events, leptons) * layout.byteSize();
    }
}
