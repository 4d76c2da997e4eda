package org.hepbridge.python;

import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hepbridge.root.RootIOException;
import org.hepbridge.root.TTree;

/**
 * An {@link ArrowReader} over a range of a TTree, reading {@code step} entries per batch only
 * when the consumer asks for the next one. Each batch's buffers go to the consumer without a
 * copy. The tree's file must stay open while the reader is used.
 */
final class TreeBatchReader extends ArrowReader {
    private final TTree tree;
    private final List<String> branches;
    private final long stop;
    private final long step;
    private final Schema schema;
    private long next;

    /** Reads the first entry once to learn the schema (a tree stores no Arrow schema). */
    TreeBatchReader(BufferAllocator allocator, TTree tree, List<String> branches, long start,
            long stop, long step) throws RootIOException {
        super(allocator);
        if (step < 1) {
            throw new IllegalArgumentException("TreeBatchReader: step must be at least 1, got "
                    + step);
        }
        if (start < 0 || stop < start || stop > tree.entries()) {
            throw new IllegalArgumentException("TreeBatchReader: invalid entry range [" + start
                    + ", " + stop + ") for TTree '" + tree.name() + "' with " + tree.entries()
                    + " entries");
        }
        this.tree = tree;
        this.branches = List.copyOf(branches);
        this.stop = stop;
        this.step = step;
        this.next = start;
        try (VectorSchemaRoot probe = tree.read(allocator, this.branches, start,
                Math.min(stop, start + 1))) {
            this.schema = probe.getSchema();
        }
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (next >= stop) {
            return false;
        }
        long end = Math.min(stop, next + step);
        try (VectorSchemaRoot part = tree.read(allocator, branches, next, end)) {
            loadRecordBatch(new VectorUnloader(part).getRecordBatch());
        }
        next = end;
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
