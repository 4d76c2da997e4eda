package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EventFilter} on five hand-made events; expected rows worked out in the comments. */
class EventFilterTest {
    private BufferAllocator allocator;
    private VectorSchemaRoot events;

    @BeforeEach
    void createEvents() {
        allocator = new RootAllocator();
        Float8Vector m4l = new Float8Vector("m4l", allocator);
        VarCharVector channel = new VarCharVector("channel", allocator);
        FixedSizeListVector pt = FixedSizeListVector.empty("lep_pt", 2, allocator);
        pt.addOrGetVector(FieldType.notNullable(new ArrowType.Int(32, true)));
        String[] channels = {"4e", "4mu", "2e2mu", "4mu", "4e"};
        m4l.allocateNew(5);
        channel.allocateNew(5);
        pt.allocateNew();
        for (int i = 0; i < 5; i++) {
            m4l.set(i, 100.0 + i);
            channel.setSafe(i, channels[i].getBytes(StandardCharsets.UTF_8));
            int start = pt.startNewValue(i);
            ((IntVector) pt.getDataVector()).setSafe(start, 10 * i);
            ((IntVector) pt.getDataVector()).setSafe(start + 1, 10 * i + 1);
        }
        events = new VectorSchemaRoot(List.<FieldVector>of(m4l, channel, pt));
        events.setRowCount(5);
    }

    @AfterEach
    void release() {
        events.close();
        assertEquals(0, allocator.getAllocatedMemory(), "bytes left");
        allocator.close();
    }

    private BitVector mask(Boolean... values) {
        BitVector mask = new BitVector("mask", allocator);
        mask.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                mask.set(i, values[i] ? 1 : 0);
            }
        }
        mask.setValueCount(values.length);
        return mask;
    }

    @Test
    void keepsTheRowsWhereTheMaskIsTrueAndDropsNulls() {
        // mask true, false, null, true, false: rows 0 and 3 survive, in order.
        try (BitVector mask = mask(true, false, null, true, false);
                VectorSchemaRoot kept = EventFilter.keep(events, mask, allocator)) {
            assertEquals(2, kept.getRowCount());
            assertEquals(100.0, ((Float8Vector) kept.getVector("m4l")).get(0));
            assertEquals(103.0, ((Float8Vector) kept.getVector("m4l")).get(1));
            assertEquals("4mu", kept.getVector("channel").getObject(1).toString());
            assertEquals(List.of(30, 31), kept.getVector("lep_pt").getObject(1));
        }
    }

    @Test
    void refusesAMaskThatIsNotBoolNamingBothTypes() {
        try (IntVector notBool = new IntVector("mask", allocator)) {
            notBool.allocateNew(5);
            notBool.setValueCount(5);

            ColumnTypeException e = assertThrows(ColumnTypeException.class,
                    () -> EventFilter.keep(events, notBool, allocator));
            assertEquals("EventFilter: column 'mask' has type int32, expected bool (one value per"
                    + " event)", e.getMessage());
            assertEquals("int32", e.actual());
        }
    }

    @Test
    void refusesAMaskOfAnotherLength() {
        try (BitVector shortMask = mask(true, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EventFilter.keep(events, shortMask, "z1OnShell", allocator));
            assertEquals("EventFilter: mask 'z1OnShell' has 2 values for 5 events",
                    e.getMessage());
        }
    }
}
