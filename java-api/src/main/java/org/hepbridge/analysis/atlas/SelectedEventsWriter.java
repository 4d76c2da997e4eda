package org.hepbridge.analysis.atlas;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes selected events as an Arrow IPC file: one row per event, masses in GeV, and the four
 * candidate leptons (Z1's two, then Z2's two) as fixed-size lists of four.
 */
public final class SelectedEventsWriter {
    private static final String[] LEPTON_FLOATS = {"lep_pt", "lep_eta", "lep_phi", "lep_E"};
    private static final String[] LEPTON_INTS = {"lep_charge", "lep_type"};

    private SelectedEventsWriter() {
    }

    /** The schema of the written file. */
    public static Schema schema() {
        FieldType float64 = FieldType.notNullable(
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        FieldType int32 = FieldType.notNullable(new ArrowType.Int(32, true));
        List<Field> fields = new java.util.ArrayList<>(List.of(
                new Field("input", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("runNumber", int32, null),
                new Field("eventNumber", FieldType.notNullable(new ArrowType.Int(64, true)), null),
                new Field("channel", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("m4l", float64, null),
                new Field("m12", float64, null),
                new Field("m34", float64, null),
                new Field("m4l_resolution", float64, null)));
        for (String name : LEPTON_FLOATS) {
            fields.add(fixedList(name, float64));
        }
        for (String name : LEPTON_INTS) {
            fields.add(fixedList(name, int32));
        }
        return new Schema(fields);
    }

    private static Field fixedList(String name, FieldType element) {
        return new Field(name, FieldType.notNullable(new ArrowType.FixedSizeList(4)),
                List.of(new Field("item", element, null)));
    }

    /** Writes {@code events} to {@code file} (replacing it). */
    public static void write(List<SelectedEvent> events, Path file, BufferAllocator allocator)
            throws IOException {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator)) {
            fill(root, events);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }

    private static void fill(VectorSchemaRoot root, List<SelectedEvent> events) {
        root.allocateNew();
        for (int row = 0; row < events.size(); row++) {
            SelectedEvent event = events.get(row);
            ((VarCharVector) root.getVector("input")).setSafe(row,
                    event.input().getBytes(StandardCharsets.UTF_8));
            ((IntVector) root.getVector("runNumber")).setSafe(row, event.runNumber());
            ((BigIntVector) root.getVector("eventNumber")).setSafe(row, event.eventNumber());
            ((VarCharVector) root.getVector("channel")).setSafe(row,
                    event.channel().getBytes(StandardCharsets.UTF_8));
            ((Float8Vector) root.getVector("m4l")).setSafe(row, event.m4l());
            ((Float8Vector) root.getVector("m12")).setSafe(row, event.m12());
            ((Float8Vector) root.getVector("m34")).setSafe(row, event.m34());
            ((Float8Vector) root.getVector("m4l_resolution")).setSafe(row, event.m4lResolution());
            fillLeptons(root, row, event.leptons());
        }
        root.setRowCount(events.size());
    }

    private static void fillLeptons(VectorSchemaRoot root, int row,
            List<SelectedEvent.Lepton> leptons) {
        for (String name : LEPTON_FLOATS) {
            FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
            int start = list.startNewValue(row);
            Float8Vector values = (Float8Vector) list.getDataVector();
            for (int k = 0; k < 4; k++) {
                SelectedEvent.Lepton lepton = leptons.get(k);
                double value = switch (name) {
                    case "lep_pt" -> lepton.pt();
                    case "lep_eta" -> lepton.eta();
                    case "lep_phi" -> lepton.phi();
                    default -> lepton.energy();
                };
                values.setSafe(start + k, value);
            }
        }
        for (String name : LEPTON_INTS) {
            FixedSizeListVector list = (FixedSizeListVector) root.getVector(name);
            int start = list.startNewValue(row);
            IntVector values = (IntVector) list.getDataVector();
            for (int k = 0; k < 4; k++) {
                SelectedEvent.Lepton lepton = leptons.get(k);
                values.setSafe(start + k, name.equals("lep_charge") ? lepton.charge()
                        : lepton.type());
            }
        }
    }
}
