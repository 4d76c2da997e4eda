package org.hepbridge.python;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

/**
 * Reads a C Data {@code ArrowArrayStream} to its end into one {@link VectorSchemaRoot}: a
 * single batch is taken over without copying, several are appended into new buffers. Every
 * batch is checked with {@link CDataChecks} before it is imported.
 */
final class StreamImport {
    private StreamImport() {
    }

    /**
     * Drains {@code stream} (which stays owned by the caller, who must release it) into a new
     * root owned by the caller.
     *
     * @throws IOException if the producer reports an error (its message is included)
     */
    static VectorSchemaRoot drain(ArrowArrayStream stream, BufferAllocator allocator)
            throws IOException {
        Schema schema = importSchema(stream, allocator);
        VectorSchemaRoot result = null;
        try (VectorSchemaRoot loading = VectorSchemaRoot.create(schema, allocator)) {
            for (int batch = 0; loadNext(stream, loading, batch, allocator); batch++) {
                if (result == null) {
                    result = transfer(loading, allocator);
                } else {
                    try (VectorSchemaRoot next = transfer(loading, allocator)) {
                        VectorSchemaRootAppender.append(false, result, next);
                    }
                }
            }
            return result != null ? result : VectorSchemaRoot.create(schema, allocator);
        } catch (IOException | RuntimeException e) {
            if (result != null) {
                result.close();
            }
            throw e;
        }
    }

    private static Schema importSchema(ArrowArrayStream stream, BufferAllocator allocator)
            throws IOException {
        try (ArrowSchema schema = ArrowSchema.allocateNew(allocator)) {
            stream.getSchema(schema);
            return Data.importSchema(allocator, schema, null);
        }
    }

    /** Imports the next batch into {@code loading}; false at the end of the stream. */
    private static boolean loadNext(ArrowArrayStream stream, VectorSchemaRoot loading,
            int batch, BufferAllocator allocator) throws IOException {
        try (ArrowArray array = ArrowArray.allocateNew(allocator)) {
            stream.getNext(array);
            if (array.snapshot().release == 0) {
                return false;
            }
            try {
                CDataChecks.requireUnsliced(array, "stream batch " + batch);
            } catch (IllegalArgumentException e) {
                array.release();
                throw e;
            }
            Data.importIntoVectorSchemaRoot(allocator, array, loading, null);
            return true;
        }
    }

    private static VectorSchemaRoot transfer(VectorSchemaRoot source, BufferAllocator allocator) {
        List<FieldVector> vectors = new ArrayList<>();
        for (FieldVector v : source.getFieldVectors()) {
            TransferPair pair = v.getTransferPair(allocator);
            pair.transfer();
            vectors.add((FieldVector) pair.getTo());
        }
        return new VectorSchemaRoot(source.getSchema().getFields(), vectors,
                source.getRowCount());
    }
}
