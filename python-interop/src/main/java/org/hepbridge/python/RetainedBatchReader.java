package org.hepbridge.python;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An {@link ArrowReader} yielding the current content of a root as its only batch, without
 * copying: it takes its own references to the root's buffers when created, so the root may be
 * closed or refilled afterwards. Closing the reader drops those references.
 */
final class RetainedBatchReader extends ArrowReader {
    private final Schema schema;
    private ArrowRecordBatch pending;

    RetainedBatchReader(BufferAllocator allocator, VectorSchemaRoot root) {
        super(allocator);
        this.schema = root.getSchema();
        this.pending = new VectorUnloader(root).getRecordBatch();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (pending == null) {
            return false;
        }
        ArrowRecordBatch batch = pending;
        pending = null;
        // loadRecordBatch takes its own references, then closes the batch (drops ours).
        loadRecordBatch(batch);
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        if (pending != null) {
            pending.close();
            pending = null;
        }
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
