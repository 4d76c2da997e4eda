package org.hepbridge.python;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.jni.JniWrapper;
import org.apache.arrow.c.jni.PrivateData;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Exports a root as one C Data struct array in a time that does not depend on its row count.
 *
 * <p>Arrow Java's {@code Data.exportVectorSchemaRoot} does O(rows) work on every export: its
 * {@code VectorUnloader} and its {@code ArrayExporter} each call {@code getNullCount()}, which
 * counts the bits of a column's whole validity buffer, and its {@code StructVectorLoader}
 * allocates, zeroes and fills a new validity buffer for the struct. This exporter writes the same
 * C structs (and hands them to Arrow's JNI release callback like Arrow does) but takes the null
 * counts from a table computed once, at construction, and gives the struct no validity buffer
 * (allowed when its null count is 0). Each export retains the column buffers, nothing is copied.
 *
 * <p>Ownership: the root stays owned by the caller. The null counts are those of the root at
 * construction, so its columns must not change afterwards (a {@link Batch} never changes them).
 * Not thread-safe; the release callback may run on any thread.
 */
final class StructArrayExport {
    private static final long NULL = 0L;

    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final Map<ValueVector, Long> nullCounts = new IdentityHashMap<>();

    StructArrayExport(BufferAllocator allocator, VectorSchemaRoot root) {
        this.allocator = allocator;
        this.root = root;
        for (FieldVector column : root.getFieldVectors()) {
            countNulls(column);
        }
    }

    /** Fills the caller-owned {@code ArrowArray} at {@code arrayAddress} with the root. */
    void export(long arrayAddress) {
        List<FieldVector> columns = root.getFieldVectors();
        Exported data = new Exported();
        ArrowArray out = ArrowArray.wrap(arrayAddress);
        ArrowArray.Snapshot snapshot;
        try {
            data.childStructs(allocator, columns.size());
            // A struct has one buffer, its validity; NULL means "no nulls".
            data.bufferPointers = allocator.buffer(Long.BYTES);
            data.bufferPointers.writeLong(NULL);
            snapshot = data.snapshot(root.getRowCount(), 0, 1);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        saveAndExportChildren(out, snapshot, data, columns);
    }

    private void exportVector(ArrowArray out, FieldVector vector) {
        List<FieldVector> children = vector.getChildrenFromFields();
        Exported data = new Exported();
        ArrowArray.Snapshot snapshot;
        try {
            data.childStructs(allocator, children.size());
            int bufferCount = vector.getExportedCDataBufferCount();
            if (bufferCount > 0) {
                data.bufferPointers = allocator.buffer((long) bufferCount * Long.BYTES);
                // Takes one reference per buffer; Exported.close() drops them.
                vector.exportCDataBuffers(data.buffers, data.bufferPointers, NULL);
            }
            snapshot = data.snapshot(vector.getValueCount(), nullCount(vector), bufferCount);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        saveAndExportChildren(out, snapshot, data, children);
    }

    /**
     * Publishes {@code out} with Arrow's JNI release callback, then fills its children; if a
     * child fails, releasing {@code out} frees the children already exported and {@code data}.
     */
    private void saveAndExportChildren(ArrowArray out, ArrowArray.Snapshot snapshot,
            Exported data, List<FieldVector> children) {
        out.save(snapshot);
        JniWrapper.get().exportArray(out.memoryAddress(), data);
        try {
            for (int i = 0; i < children.size(); i++) {
                exportVector(data.children.get(i), children.get(i));
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    private long nullCount(FieldVector vector) {
        Long count = nullCounts.get(vector);
        if (count == null) {
            throw new IllegalStateException("StructArrayExport: column '"
                    + vector.getField().getName() + "' was added to the table after it was "
                    + "first exported; expected the columns of " + root.getSchema());
        }
        return count;
    }

    private void countNulls(FieldVector vector) {
        Field field = vector.getField();
        if (field.getDictionary() != null) {
            throw new IllegalArgumentException("StructArrayExport: column '" + field.getName()
                    + "' is dictionary-encoded; expected plain columns (decode it first)");
        }
        nullCounts.put(vector, (long) vector.getNullCount());
        for (FieldVector child : vector.getChildrenFromFields()) {
            countNulls(child);
        }
    }

    /** What one exported node owns until its release callback runs. */
    private static final class Exported implements PrivateData {
        final List<ArrowBuf> buffers = new ArrayList<>();
        final List<ArrowArray> children = new ArrayList<>();
        ArrowBuf bufferPointers;
        ArrowBuf childPointers;

        void childStructs(BufferAllocator allocator, int count) {
            if (count == 0) {
                return;
            }
            childPointers = allocator.buffer((long) count * Long.BYTES);
            for (int i = 0; i < count; i++) {
                ArrowArray child = ArrowArray.allocateNew(allocator);
                children.add(child);
                childPointers.writeLong(child.memoryAddress());
            }
        }

        ArrowArray.Snapshot snapshot(long length, long nullCount, long bufferCount) {
            ArrowArray.Snapshot s = new ArrowArray.Snapshot();
            s.length = length;
            s.null_count = nullCount;
            s.offset = 0;
            s.n_buffers = bufferCount;
            s.n_children = children.size();
            s.buffers = bufferPointers == null ? NULL : bufferPointers.memoryAddress();
            s.children = childPointers == null ? NULL : childPointers.memoryAddress();
            s.dictionary = NULL;
            // Arrow's JNI export sets release and private_data.
            s.release = NULL;
            s.private_data = NULL;
            return s;
        }

        @Override
        public void close() {
            for (ArrowBuf buffer : buffers) {
                if (buffer != null) {
                    buffer.close();
                }
            }
            children.forEach(ArrowArray::close);
            if (bufferPointers != null) {
                bufferPointers.close();
            }
            if (childPointers != null) {
                childPointers.close();
            }
        }
    }
}
