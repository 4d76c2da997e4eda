package org.hepbridge.python;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A Java-side event selection driven by a per-event boolean column computed elsewhere (for
 * example with numpy in Python): keeps the rows whose mask value is true. A null mask value
 * drops the row, as SQL's WHERE does.
 */
public final class EventFilter {
    private static final String COMPONENT = "EventFilter";

    private EventFilter() {
    }

    /**
     * A new root with the rows of {@code events} where {@code mask} is true, in order; values
     * are copied into buffers from {@code allocator}. The inputs are only read.
     *
     * @throws ColumnTypeException if the mask is not of type bool
     * @throws IllegalArgumentException if the mask length differs from the row count
     */
    public static VectorSchemaRoot keep(VectorSchemaRoot events, FieldVector mask,
            BufferAllocator allocator) {
        return keep(events, mask, mask.getName(), allocator);
    }

    /**
     * As {@link #keep(VectorSchemaRoot, FieldVector, BufferAllocator)}, naming the mask
     * {@code maskName} in messages.
     */
    public static VectorSchemaRoot keep(VectorSchemaRoot events, FieldVector mask,
            String maskName, BufferAllocator allocator) {
        BitVector bits = requireMask(mask, maskName, events.getRowCount());
        int kept = 0;
        for (int i = 0; i < bits.getValueCount(); i++) {
            kept += isTrue(bits, i) ? 1 : 0;
        }
        List<FieldVector> out = new ArrayList<>();
        try {
            for (FieldVector column : events.getFieldVectors()) {
                out.add(copyRows(column, bits, kept, allocator));
            }
            return new VectorSchemaRoot(events.getSchema().getFields(), out, kept);
        } catch (RuntimeException e) {
            out.forEach(FieldVector::close);
            throw e;
        }
    }

    private static BitVector requireMask(FieldVector mask, String name, int rows) {
        if (!(mask.getField().getType() instanceof ArrowType.Bool)
                || !(mask instanceof BitVector bits)) {
            throw new ColumnTypeException(COMPONENT, name,
                    ArrowTypeNames.describe(mask.getField()), "bool (one value per event)");
        }
        if (bits.getValueCount() != rows) {
            throw new IllegalArgumentException(COMPONENT + ": mask '" + name
                    + "' has " + bits.getValueCount() + " values for " + rows + " events");
        }
        return bits;
    }

    private static boolean isTrue(BitVector bits, int row) {
        return !bits.isNull(row) && bits.get(row) != 0;
    }

    private static FieldVector copyRows(FieldVector column, BitVector bits, int kept,
            BufferAllocator allocator) {
        FieldVector copy = column.getField().createVector(allocator);
        try {
            copy.setInitialCapacity(kept);
            copy.allocateNew();
            int target = 0;
            for (int row = 0; row < bits.getValueCount(); row++) {
                if (isTrue(bits, row)) {
                    copy.copyFromSafe(row, target++, column);
                }
            }
            copy.setValueCount(kept);
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }
}
