package org.hepbridge.python;

import org.apache.arrow.memory.BufferAllocator;
import org.graalvm.polyglot.HostAccess;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.RootIOException;

/**
 * A ROOT file opened for the Python package.
 *
 * <p>Ownership: owns the file; {@link #close()} it. Trees from it must not be read after that,
 * but batches already read stay valid. Thread-safety as {@link RootFile}.
 */
public final class RootFileView implements AutoCloseable {
    private final RootFile file;
    private final BufferAllocator allocator;

    RootFileView(RootFile file, BufferAllocator allocator) {
        this.file = file;
        this.allocator = allocator;
    }

    @HostAccess.Export
    public String path() {
        return file.path().toString();
    }

    /** Top-level key names, each once. */
    @HostAccess.Export
    public String[] keys() {
        return file.keys().toArray(String[]::new);
    }

    /**
     * The tree stored under {@code name}.
     *
     * @throws RootIOException if there is no such tree (listing the nearest names)
     */
    @HostAccess.Export
    public TreeView tree(String name) throws RootIOException {
        return new TreeView(file.tree(name), allocator);
    }

    /** Releases the file handle. Idempotent. */
    @HostAccess.Export
    @Override
    public void close() throws RootIOException {
        file.close();
    }
}
