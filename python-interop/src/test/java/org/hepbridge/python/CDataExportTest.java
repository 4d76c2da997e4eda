package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
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
    void anExportedStreamYieldsTheBatchWithoutCopying() throws Exception {
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(consumer)) {
            long eventAddress;
            try (Batch batch = producer.synthetic(ROWS)) {
                eventAddress = batch.dataBufferAddress("eventNumber");
                batch.exportStream(stream.memoryAddress());
            }
            try (ArrowReader reader = Data.importArrayStream(consumer, stream)) {
                assertTrue(reader.loadNextBatch());
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                assertEquals(eventAddress, root.getVector("eventNumber").getDataBuffer()
                        .memoryAddress());
                assertSyntheticValues(root);
                assertTrue(!reader.loadNextBatch(), "one batch only");
            }
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
