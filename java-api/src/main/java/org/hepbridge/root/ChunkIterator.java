package org.hepbridge.root;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Successive entry ranges of some branches of a tree, as Arrow roots; see
 * {@link TTree#iterate}. Each root returned by {@link #next()} belongs to the caller, who must
 * close it. Not thread-safe.
 */
public final class ChunkIterator implements Iterator<VectorSchemaRoot>, AutoCloseable {
    private final TTree tree;
    private final BufferAllocator allocator;
    private final List<Branch> branches;
    private final long chunk;
    private final BasketFetcher fetcher;
    private long position;

    ChunkIterator(TTree tree, BufferAllocator allocator, List<Branch> branches, long chunk) {
        this.tree = tree;
        this.allocator = allocator;
        this.branches = List.copyOf(branches);
        this.chunk = chunk;
        this.fetcher = new BasketFetcher(tree.file(), tree.name());
    }

    @Override
    public boolean hasNext() {
        return position < tree.entries();
    }

    /** First entry of the chunk the next call to {@link #next()} returns. */
    public long position() {
        return position;
    }

    /**
     * Reads the next chunk.
     *
     * @throws UncheckedIOException wrapping a {@link RootIOException} if decoding fails
     */
    @Override
    public VectorSchemaRoot next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + tree.entries() + " entries were read");
        }
        long stop = Math.min(tree.entries(), position + chunk);
        try {
            VectorSchemaRoot r = tree.read(allocator, branches, position, stop, fetcher, true);
            position = stop;
            return r;
        } catch (RootIOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops baskets kept for the next chunk. */
    @Override
    public void close() {
        fetcher.clear();
    }
}
