package org.hepbridge.analysis.atlas;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.hepbridge.analysis.ArrowSegments;

/**
 * One batch of {@code mini} events as zero-copy native views of its Arrow columns, in the
 * layout the legacy tools' C interface takes: per-event values, and per-lepton values flat with
 * one offsets buffer shared by every lepton column.
 *
 * <p>Valid only while the {@link VectorSchemaRoot} it was made from is open.
 */
final class LeptonBatch {
    final int events;
    final long leptons;
    final MemorySegment offsets;
    final MemorySegment runNumber;
    final MemorySegment eventNumber;
    final MemorySegment type;
    final MemorySegment charge;
    final MemorySegment pt;
    final MemorySegment eta;
    final MemorySegment phi;
    final MemorySegment energy;
    final MemorySegment ptcone30;
    final MemorySegment etcone20;
    final MemorySegment d0;
    final MemorySegment d0Sigma;
    final MemorySegment z0;
    private final BitVector triggerElectron;
    private final BitVector triggerMuon;

    LeptonBatch(VectorSchemaRoot batch) {
        this.events = batch.getRowCount();
        ListVector ptColumn = list(batch, "lep_pt");
        this.offsets = ArrowSegments.offsets(ptColumn);
        this.leptons = offsets.getAtIndex(ValueLayout.JAVA_INT, events)
                - offsets.getAtIndex(ValueLayout.JAVA_INT, 0);
        this.runNumber = ArrowSegments.values(fixed(batch, "runNumber"));
        this.eventNumber = ArrowSegments.values(fixed(batch, "eventNumber"));
        this.type = leptonColumn(batch, "lep_type");
        this.charge = leptonColumn(batch, "lep_charge");
        this.pt = leptonColumn(batch, "lep_pt");
        this.eta = leptonColumn(batch, "lep_eta");
        this.phi = leptonColumn(batch, "lep_phi");
        this.energy = leptonColumn(batch, "lep_E");
        this.ptcone30 = leptonColumn(batch, "lep_ptcone30");
        this.etcone20 = leptonColumn(batch, "lep_etcone20");
        this.d0 = leptonColumn(batch, "lep_trackd0pvunbiased");
        this.d0Sigma = leptonColumn(batch, "lep_tracksigd0pvunbiased");
        this.z0 = leptonColumn(batch, "lep_z0");
        this.triggerElectron = (BitVector) batch.getVector("trigE");
        this.triggerMuon = (BitVector) batch.getVector("trigM");
    }

    /** Whether event {@code i} fired the single-electron or single-muon trigger. */
    boolean triggered(int i) {
        return triggerElectron.get(i) != 0 || triggerMuon.get(i) != 0;
    }

    int offset(int event) {
        return offsets.getAtIndex(ValueLayout.JAVA_INT, event);
    }

    private MemorySegment leptonColumn(VectorSchemaRoot batch, String name) {
        ListVector column = list(batch, name);
        MemorySegment columnOffsets = ArrowSegments.offsets(column);
        // Every lep_* vector has lep_n entries per event, so the offsets must agree; checking the
        // last one is enough to catch a file whose columns disagree before it misleads the tools.
        if (columnOffsets.getAtIndex(ValueLayout.JAVA_INT, events)
                != offsets.getAtIndex(ValueLayout.JAVA_INT, events)) {
            throw new IllegalStateException("branch " + name + " holds "
                    + columnOffsets.getAtIndex(ValueLayout.JAVA_INT, events)
                    + " values in this batch but lep_pt holds " + leptons);
        }
        return ArrowSegments.listValues(column);
    }

    private static ListVector list(VectorSchemaRoot batch, String name) {
        FieldVector vector = batch.getVector(name);
        if (!(vector instanceof ListVector list)) {
            throw new IllegalStateException("branch " + name + " read as "
                    + (vector == null ? "nothing" : vector.getField().getType())
                    + ", expected a list (std::vector) column");
        }
        return list;
    }

    private static BaseFixedWidthVector fixed(VectorSchemaRoot batch, String name) {
        FieldVector vector = batch.getVector(name);
        if (!(vector instanceof BaseFixedWidthVector fixed)) {
            throw new IllegalStateException("branch " + name + " read as "
                    + (vector == null ? "nothing" : vector.getField().getType())
                    + ", expected a fixed-width column");
        }
        return fixed;
    }
}
