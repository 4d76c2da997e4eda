package org.hepbridge.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
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
 *
 * <p>Memory: Arrow's native dataset writer keeps the batches it has pulled (they stay
 * allocated in {@code allocator}) until it has written them, and it queues up to 64 Mi rows
 * before it stops pulling, so a fast reader would fill memory with most of a large tree. This
 * reader therefore waits, before reading the next chunk, while the allocator holds more than
 * {@value #CHUNKS_IN_FLIGHT} chunks (at least {@code minBudget} bytes). If the held memory
 * does not shrink for {@code stallMillis} the writer is waiting for input and the reader goes
 * on, so the wait can never deadlock.
 */
final class ChunkReader extends ArrowReader {
    /** Chunks the writer may hold before the reader waits. */
    static final int CHUNKS_IN_FLIGHT = 4;
    private static final long MIN_BUDGET = 16L << 20;
    private static final long STALL_MILLIS = 2000;

    private final TTree tree;
    private final List<String> names;
    private final long chunk;
    private final long minBudget;
    private final long stallMillis;
    private ChunkIterator it;
    private long rows;
    private long largestChunk;
    private RootIOException failure;

    ChunkReader(BufferAllocator allocator, TTree tree, List<String> names, long chunk) {
        this(allocator, tree, names, chunk, MIN_BUDGET, STALL_MILLIS);
    }

    ChunkReader(BufferAllocator allocator, TTree tree, List<String> names, long chunk,
            long minBudget, long stallMillis) {
        super(allocator);
        this.tree = tree;
        this.names = names;
        this.chunk = chunk;
        this.minBudget = minBudget;
        this.stallMillis = stallMillis;
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
            awaitWriter();
            long before = allocator.getAllocatedMemory();
            try (VectorSchemaRoot c = it.next();
                    ArrowRecordBatch batch = new VectorUnloader(c).getRecordBatch()) {
                largestChunk = Math.max(largestChunk, allocator.getAllocatedMemory() - before);
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

    /** Waits while the writer holds more than the budget and keeps releasing memory. */
    private void awaitWriter() throws InterruptedIOException {
        long budget = Math.max(minBudget, CHUNKS_IN_FLIGHT * largestChunk);
        long held = allocator.getAllocatedMemory();
        long lastDrop = System.nanoTime();
        while (held > budget && System.nanoTime() - lastDrop < stallMillis * 1_000_000) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the writer held " + held
                        + " bytes of earlier chunks");
            }
            long now = allocator.getAllocatedMemory();
            if (now < held) {
                lastDrop = System.nanoTime();
            }
            held = now;
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
