package org.hepbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hepbridge.root.ChunkIterator;
import org.hepbridge.root.RootIOException;
import org.hepbridge.root.TTree;

/**
 * An {@link ArrowReader} over a tree's chunks, for writers that pull batches (the Parquet
 * writer). A ROOT error met while the native writer pulls is remembered and re-thrown by
 * {@link #rethrow()}, because it cannot travel through the native code intact.
 */
final class ChunkReader extends ArrowReader {
    private final TTree tree;
    private final List<String> names;
    private final long chunk;
    private ChunkIterator it;
    private long rows;
    private RootIOException failure;

    ChunkReader(BufferAllocator allocator, TTree tree, List<String> names, long chunk) {
        super(allocator);
        this.tree = tree;
        this.names = names;
        this.chunk = chunk;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        try {
            if (it == null) {
                it = tree.iterate(allocator, names, chunk);
            }
            if (!it.hasNext()) {
                return false;
            }
            try (VectorSchemaRoot c = it.next();
                    ArrowRecordBatch batch = new VectorUnloader(c).getRecordBatch()) {
                loadRecordBatch(batch);
                rows += c.getRowCount();
            }
            return true;
        } catch (RootIOException e) {
            failure = e;
            throw e;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof RootIOException r) {
                failure = r;
            }
            throw e.getCause();
        }
    }

    long rows() {
        return rows;
    }

    void rethrow() throws RootIOException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        if (it != null) {
            it.close();
        }
    }

    @Override
    protected Schema readSchema() throws IOException {
        return tree.schema(names);
    }
}
