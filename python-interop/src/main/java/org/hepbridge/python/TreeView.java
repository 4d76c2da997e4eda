package org.hepbridge.python;

import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.graalvm.polyglot.HostAccess;
import org.hepbridge.root.BranchInfo;
import org.hepbridge.root.RootIOException;
import org.hepbridge.root.TTree;

/**
 * A TTree for the Python package: reads branches into Arrow batches.
 *
 * <p>Lifetime: valid while its {@link RootFileView} is open; batches it returned stay valid
 * after that. Thread-safety as {@link TTree}.
 */
public final class TreeView {
    private final TTree tree;
    private final BufferAllocator allocator;

    TreeView(TTree tree, BufferAllocator allocator) {
        this.tree = tree;
        this.allocator = allocator;
    }

    @HostAccess.Export
    public String name() {
        return tree.name();
    }

    @HostAccess.Export
    public long entries() {
        return tree.entries();
    }

    /** Names of every data-carrying branch, in file order. */
    @HostAccess.Export
    public String[] branchNames() {
        return tree.branches().stream().map(BranchInfo::name).toArray(String[]::new);
    }

    /**
     * Entries [start, stop) of the named branches as a new batch, owned by the caller.
     *
     * @throws RootIOException on an unknown branch (listing the nearest names), an invalid
     *     range or an unsupported branch
     */
    @HostAccess.Export
    public Batch read(String[] branches, long start, long stop) throws RootIOException {
        return new Batch(tree.read(allocator, List.of(branches), start, stop), allocator);
    }

    /**
     * Exports entries [start, stop) as a stream of batches of {@code step} entries into a
     * caller-owned {@code ArrowArrayStream}; each batch is read when the consumer asks for it.
     * The file must stay open until the stream is released.
     */
    @HostAccess.Export
    public void exportStream(String[] branches, long start, long stop, long step,
            long streamAddress) throws RootIOException {
        TreeBatchReader reader = new TreeBatchReader(allocator, tree, List.of(branches), start,
                stop, step);
        try {
            Data.exportArrayStream(allocator, reader, ArrowArrayStream.wrap(streamAddress));
        } catch (RuntimeException e) {
            try {
                reader.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
