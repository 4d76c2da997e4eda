package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exports of {@link Batch} through the C Data interface, consumed by Arrow Java's own importer
 * with a separate allocator standing in for Python: no copy, data valid after the producer
 * closed its batch, and both allocators back to zero once the consumer releases.
 */
class CDataExportTest {
    private static final int ROWS = 1000;

    private PythonBridge producer;
    private BufferAllocator consumer;

    @BeforeEach
    void open() {
        producer = PythonBridge.open();
        consumer = new RootAllocator();
    }

    @AfterEach
    void close() {
        assertEquals(0, consumer.getAllocatedMemory(), "consumer bytes left");
        assertEquals(0, producer.allocatedBytes(), "producer bytes left");
        consumer.close();
        producer.close();
    }

    @Test
    void anExportedArrayOutlivesTheBatchAndSharesItsBuffers() {
        try (ArrowArray array = ArrowArray.allocateNew(consumer);
                ArrowSchema schema = ArrowSchema.allocateNew(consumer)) {
            long m4lAddress;
            try (Batch batch = producer.synthetic(ROWS)) {
                m4lAddress = batch.dataBufferAddress("m4l");
                batch.exportArray(array.memoryAddress(), schema.memoryAddress());
            }
            // The batch is closed; the export still holds its buffers.
            assertTrue(producer.allocatedBytes() > 0);

            try (VectorSchemaRoot imported = Data.importVectorSchemaRoot(consumer, array, schema,
                    null)) {
                assertEquals(m4lAddress, imported.getVector("m4l").getDataBuffer()
                        .memoryAddress());
                assertSyntheticValues(imported);
            }
        }
    }

    @Test
    void anExportCarriesNullCountsAndNestedColumnsAndGivesTheStructNoValidityBuffer() {
        try (ArrowArray array = ArrowArray.allocateNew(consumer);
                ArrowSchema schema = ArrowSchema.allocateNew(consumer)) {
            try (Batch batch = new Batch(nullsAndLists(producer.allocator()),
                    producer.allocator())) {
                batch.exportArray(array.memoryAddress(), schema.memoryAddress());
            }
            ArrowArray.Snapshot struct = array.snapshot();
            assertEquals(ROWS, struct.length);
            assertEquals(0, struct.null_count);
            assertEquals(1, struct.n_buffers);
            assertEquals(0L, MemoryUtil.getLong(struct.buffers), "struct validity pointer");
            assertEquals(2, struct.n_children);
            // Rows 0, 3, ..., 999 are null: ceil(1000 / 3) = 334.
            ArrowArray.Snapshot maybe = ArrowArray.wrap(MemoryUtil.getLong(struct.children))
                    .snapshot();
            assertEquals(334, maybe.null_count);

            try (VectorSchemaRoot imported = Data.importVectorSchemaRoot(consumer, array, schema,
                    null)) {
                IntVector ints = (IntVector) imported.getVector("maybe");
                ListVector lists = (ListVector) imported.getVector("lists");
                for (int i = 0; i < ROWS; i++) {
                    assertEquals(i % 3 == 0, ints.isNull(i), "row " + i);
                    if (i % 3 != 0) {
                        assertEquals(i, ints.get(i));
                    }
                    // Row i holds the values 0..(i % 4 - 1).
                    assertEquals(List.of(0, 1, 2, 3).subList(0, i % 4), lists.getObject(i));
                }
            }
        }
    }

    @Test
    void aDictionaryEncodedColumnIsRefusedNamingIt() {
        Field field = new Field("flavour", new FieldType(true, new ArrowType.Int(32, true),
                new DictionaryEncoding(7L, false, null)), null);
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(field)),
                producer.allocator());
        try (Batch batch = new Batch(root, producer.allocator());
                ArrowArray array = ArrowArray.allocateNew(consumer);
                ArrowSchema schema = ArrowSchema.allocateNew(consumer)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> batch.exportArray(array.memoryAddress(), schema.memoryAddress()));
            assertEquals("StructArrayExport: column 'flavour' is dictionary-encoded; expected "
                    + "plain columns (decode it first)", e.getMessage());
        }
    }

    @Test
    void anUnconsumedExportIsFreedByItsReleaseCallback() {
        try (Batch batch = producer.synthetic(ROWS);
                ArrowArray array = ArrowArray.allocateNew(consumer);
                ArrowSchema schema = ArrowSchema.allocateNew(consumer)) {
            long idle = producer.allocatedBytes();
            batch.exportArray(array.memoryAddress(), schema.memoryAddress());
            assertTrue(producer.allocatedBytes() > idle, "the export holds bookkeeping");

            array.release();
            schema.release();
            assertEquals(idle, producer.allocatedBytes());
        }
    }

    /** An int column with nulls at rows divisible by 3 and a list<int> column of 0..i%4-1. */
    private static VectorSchemaRoot nullsAndLists(BufferAllocator allocator) {
        IntVector ints = new IntVector("maybe", allocator);
        ListVector lists = ListVector.empty("lists", allocator);
        ints.allocateNew(ROWS);
        UnionListWriter writer = lists.getWriter();
        for (int i = 0; i < ROWS; i++) {
            if (i % 3 != 0) {
                ints.set(i, i);
            }
            writer.setPosition(i);
            writer.startList();
            for (int v = 0; v < i % 4; v++) {
                writer.writeInt(v);
            }
            writer.endList();
        }
        ints.setValueCount(ROWS);
        writer.setValueCount(ROWS);
        return new VectorSchemaRoot(List.of(ints, lists));
    }

    /** Recomputes the synthetic columns from their definition (SyntheticColumns' Javadoc). */
    private static void assertSyntheticValues(VectorSchemaRoot root) {
        assertEquals(ROWS, root.getRowCount());
        BigIntVector event = (BigIntVector) root.getVector("eventNumber");
        Float8Vector m4l = (Float8Vector) root.getVector("m4l");
        Float8Vector weight = (Float8Vector) root.getVector("weight");
        SplittableRandom random = new SplittableRandom(20_120_704L);
        for (int i = 0; i < ROWS; i++) {
            assertEquals(i, event.get(i));
            assertEquals(80.0 + 170.0 * random.nextDouble(), m4l.get(i));
            assertEquals(random.nextDouble(), weight.get(i));
        }
    }
}
