package org.hepbridge.python;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.hepbridge.analysis.atlas.SelectedEvent;
import org.hepbridge.analysis.atlas.SelectedEventsWriter;

/**
 * Selected events as an in-memory Arrow root with {@link SelectedEventsWriter#schema()}, the
 * layout of {@code selected_events.arrow}: one row per event, the four candidate leptons as
 * fixed-size lists. (The writer only writes files; a test checks both give the same table.)
 */
final class SelectedEventColumns {
    private static final List<String> LEPTON_DOUBLES = List.of("lep_pt", "lep_eta", "lep_phi",
            "lep_E");
    private static final List<String> LEPTON_INTS = List.of("lep_charge", "lep_type");

    private SelectedEventColumns() {
    }

    /** A new root holding {@code events}; the caller owns it. */
    static VectorSchemaRoot toRoot(List<SelectedEvent> events, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SelectedEventsWriter.schema(), allocator);
        try {
            root.allocateNew();
            for (int row = 0; row < events.size(); row++) {
                fillRow(root, row, events.get(row));
            }
            root.setRowCount(events.size());
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static void fillRow(VectorSchemaRoot root, int row, SelectedEvent event) {
        utf8(root, "input").setSafe(row, event.input().getBytes(StandardCharsets.UTF_8));
        ((IntVector) root.getVector("runNumber")).setSafe(row, event.runNumber());
        ((BigIntVector) root.getVector("eventNumber")).setSafe(row, event.eventNumber());
        utf8(root, "channel").setSafe(row, event.channel().getBytes(StandardCharsets.UTF_8));
        float8(root, "m4l").setSafe(row, event.m4l());
        float8(root, "m12").setSafe(row, event.m12());
        float8(root, "m34").setSafe(row, event.m34());
        float8(root, "m4l_resolution").setSafe(row, event.m4lResolution());
        for (String name : LEPTON_DOUBLES) {
            fillDoubles(root, name, row, event.leptons(), leptonDouble(name));
        }
        for (String name : LEPTON_INTS) {
            fillInts(root, name, row, event.leptons(), name.equals("lep_charge")
                    ? SelectedEvent.Lepton::charge : SelectedEvent.Lepton::type);
        }
    }

    private static ToDoubleFunction<SelectedEvent.Lepton> leptonDouble(String name) {
        return switch (name) {
            case "lep_pt" -> SelectedEvent.Lepton::pt;
            case "lep_eta" -> SelectedEvent.Lepton::eta;
            case "lep_phi" -> SelectedEvent.Lepton::phi;
            default -> SelectedEvent.Lepton::energy;
        };
    }

    private static void fillDoubles(VectorSchemaRoot root, String name, int row,
            List<SelectedEvent.Lepton> leptons, ToDoubleFunction<SelectedEvent.Lepton> get) {
        FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
        int start = list.startNewValue(row);
        Float8Vector values = (Float8Vector) list.getDataVector();
        for (int k = 0; k < leptons.size(); k++) {
            values.setSafe(start + k, get.applyAsDouble(leptons.get(k)));
        }
    }

    private static void fillInts(VectorSchemaRoot root, String name, int row,
            List<SelectedEvent.Lepton> leptons, ToIntFunction<SelectedEvent.Lepton> get) {
        FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
        int start = list.startNewValue(row);
        IntVector values = (IntVector) list.getDataVector();
        for (int k = 0; k < leptons.size(); k++) {
            values.setSafe(start + k, get.applyAsInt(leptons.get(k)));
        }
    }

    private static VarCharVector utf8(VectorSchemaRoot root, String name) {
        return (VarCharVector) root.getVector(name);
    }

    private static Float8Vector float8(VectorSchemaRoot root, String name) {
        return (Float8Vector) root.getVector(name);
    }
}
