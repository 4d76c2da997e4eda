package org.hepbridge.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.graalvm.polyglot.HostAccess;

/**
 * A table of Arrow columns living in the JVM, as the Python package sees it: one
 * {@link VectorSchemaRoot} with a fixed number of rows, whose columns do not change.
 *
 * <p>Ownership: the batch owns its root and must be {@link #close() closed} by whoever received
 * it. Every {@link #exportArray export} hands a consumer its own references to the same
 * buffers (no copy), so data a consumer imported stays valid after this batch is closed, until
 * the consumer releases it. Not thread-safe.
 */
public final class Batch implements AutoCloseable {
    private final VectorSchemaRoot root;
    private final BufferAllocator allocator;
    private StructArrayExport export;
    private boolean closed;

    /** Takes ownership of {@code root}, whose buffers come from {@code allocator}. */
    public Batch(VectorSchemaRoot root, BufferAllocator allocator) {
        this.root = root;
        this.allocator = allocator;
    }

    /** The root, for Java callers; valid until {@link #close()}. */
    public VectorSchemaRoot root() {
        checkOpen();
        return root;
    }

    @HostAccess.Export
    public int rowCount() {
        checkOpen();
        return root.getRowCount();
    }

    @HostAccess.Export
    public String[] columnNames() {
        checkOpen();
        return root.getSchema().getFields().stream().map(f -> f.getName()).toArray(String[]::new);
    }

    /** The type of a column in pyarrow's spelling, e.g. {@code double} or {@code list<float>}. */
    @HostAccess.Export
    public String columnType(String name) {
        vector(name);
        return ArrowTypeNames.describe(root.getSchema().findField(name));
    }

    /** Read access to one column, valid while this batch is open (GraalPy's way in). */
    @HostAccess.Export
    public ColumnView column(String name) {
        return new ColumnView(vector(name), this);
    }

    /**
     * Address of the buffer holding a column's values: the data buffer of a fixed-width column,
     * the values' data buffer of a list column. What a zero-copy consumer must see too.
     */
    @HostAccess.Export
    public long dataBufferAddress(String name) {
        FieldVector v = vector(name);
        while (v instanceof BaseListVector && !v.getChildrenFromFields().isEmpty()) {
            v = v.getChildrenFromFields().get(0);
        }
        return v.getDataBuffer().memoryAddress();
    }

    /**
     * Exports the batch as one struct array into caller-owned {@code ArrowArray} and
     * {@code ArrowSchema} structs. No buffer is copied; each call is an independent export and
     * takes a time independent of the row count (see {@link StructArrayExport}; the first call
     * counts the nulls of each column once).
     */
    @HostAccess.Export
    public void exportArray(long arrayAddress, long schemaAddress) {
        checkOpen();
        if (export == null) {
            export = new StructArrayExport(allocator, root);
        }
        Data.exportSchema(allocator, root.getSchema(), null, ArrowSchema.wrap(schemaAddress));
        try {
            export.export(arrayAddress);
        } catch (RuntimeException e) {
            ArrowSchema.wrap(schemaAddress).release();
            throw e;
        }
    }

    /** Exports only the schema into a caller-owned {@code ArrowSchema}. */
    @HostAccess.Export
    public void exportSchema(long schemaAddress) {
        checkOpen();
        Data.exportSchema(allocator, root.getSchema(), null, ArrowSchema.wrap(schemaAddress));
    }

    /**
     * The batch serialised as an Arrow IPC stream: a copy of every buffer into a Java byte
     * array. The copying alternative to the C Data exports, kept for comparison (benchmarks).
     */
    @HostAccess.Export
    public byte[] toIpcStream() throws IOException {
        checkOpen();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null,
                Channels.newChannel(bytes))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return bytes.toByteArray();
    }

    /**
     * The rows where {@code mask} is true, as a new batch (values copied); see
     * {@link EventFilter}.
     */
    @HostAccess.Export
    public Batch filter(ColumnHandle mask) {
        checkOpen();
        return new Batch(EventFilter.keep(root, mask.vector(), mask.label(), allocator),
                allocator);
    }

    @HostAccess.Export
    public boolean isClosed() {
        return closed;
    }

    /** Releases this batch's references to its buffers. Idempotent. */
    @HostAccess.Export
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            root.close();
        }
    }

    FieldVector vector(String name) {
        checkOpen();
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw new IllegalArgumentException("Batch: no column '" + name + "'; columns: "
                    + String.join(", ", columnNames()));
        }
        return v;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Batch: used after close()");
        }
    }

}
