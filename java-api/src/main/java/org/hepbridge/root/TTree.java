package org.hepbridge.root;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A TTree's metadata and a reader of its branches into Arrow.
 *
 * <p>Lifetime: valid while its {@link RootFile} is open. Thread-safety: immutable; concurrent
 * {@link #read} calls are safe (each returns its own vectors).
 */
public final class TTree {
    private final RootFile file;
    private final String name;
    private final String title;
    private final long entries;
    private final Map<String, Branch> branches;

    private TTree(RootFile file, String name, String title, long entries, List<Branch> list) {
        this.file = file;
        this.name = name;
        this.title = title;
        this.entries = entries;
        Map<String, Branch> m = new LinkedHashMap<>();
        for (Branch b : list) {
            m.putIfAbsent(b.name, b);
        }
        this.branches = m;
    }

    static boolean isTreeClass(String cls) {
        return cls.equals("TTree") || cls.equals("TNtuple") || cls.equals("TNtupleD");
    }

    static TTree read(RootFile file, Key key) throws RootIOException {
        RBuffer b = file.payload(key);
        Object o = new ObjectReader(file.streamers()).readObject(b, key.className());
        if (!(o instanceof RObject tree) || tree.skipped()) {
            throw b.error("the file has no streamer info for " + key.className());
        }
        long n = tree.num("fEntries", -1);
        if (n < 0) {
            throw b.error("TTree fEntries = " + n + " is negative");
        }
        return new TTree(file, tree.str("fName"), tree.str("fTitle"), n,
                Branch.flatten(tree, new Forms(file.streamers())));
    }

    /** The tree's name. */
    public String name() {
        return name;
    }

    /** The tree's title. */
    public String title() {
        return title;
    }

    /** Number of entries. */
    public long entries() {
        return entries;
    }

    /** Every data-carrying branch, in file order, with its types or why it cannot be read. */
    public List<BranchInfo> branches() {
        List<BranchInfo> out = new ArrayList<>();
        for (Branch b : branches.values()) {
            out.add(b.info());
        }
        return out;
    }

    /**
     * Describes one branch.
     *
     * @throws RootIOException if there is no such branch; the message lists the nearest names
     */
    public BranchInfo branch(String branchName) throws RootIOException {
        return find(branchName).info();
    }

    Branch find(String branchName) throws RootIOException {
        Branch b = branches.get(branchName);
        if (b == null) {
            throw new RootIOException(file.path(), "TTree '" + name + "'", "no branch '"
                    + branchName + "'" + Names.suggest(branchName, branches.keySet()),
                    RootIOException.NO_OFFSET);
        }
        return b;
    }

    /**
     * The Arrow schema {@link #read} produces for these branches, without reading any data.
     *
     * @throws RootIOException on unknown or unsupported branch names
     */
    public Schema schema(List<String> branchNames) throws RootIOException {
        List<Field> fields = new ArrayList<>();
        for (Branch b : resolve(branchNames)) {
            fields.add(b.interp.field(b.name));
        }
        return new Schema(fields);
    }

    /**
     * Reads all entries of the named branches; see {@link #read(BufferAllocator, List, long,
     * long)}.
     */
    public VectorSchemaRoot read(BufferAllocator allocator, List<String> branchNames)
            throws RootIOException {
        return read(allocator, branchNames, 0, entries);
    }

    /**
     * Reads entries [entryStart, entryStop) of the named branches into a new root, one field per
     * branch in the order given, named like the branch. Only these branches' baskets are read.
     *
     * <p>Ownership: the caller owns the returned root (close it); its buffers come from
     * {@code allocator}. On failure nothing is left allocated.
     *
     * @throws RootIOException on an unknown branch (listing the nearest names), an invalid
     *     range, an unsupported branch ({@link UnsupportedBranchException}) or corrupt data
     */
    public VectorSchemaRoot read(BufferAllocator allocator, List<String> branchNames,
            long entryStart, long entryStop) throws RootIOException {
        checkRange(entryStart, entryStop);
        List<Branch> wanted = resolve(branchNames);
        BasketFetcher fetcher = new BasketFetcher(file, name);
        try {
            return read(allocator, wanted, entryStart, entryStop, fetcher, false);
        } finally {
            fetcher.clear();
        }
    }

    /**
     * Reads the named branches in chunks of {@code chunkEntries} entries. Each call to
     * {@code next()} returns a new root owned by the caller, holding the next chunk. Memory
     * follows the chunk size, not the tree: Arrow memory is the chunk's columns; the heap holds,
     * while a chunk is read, the baskets it overlaps and its columns before conversion, and
     * between chunks at most one basket per branch.
     * Decoding errors surface from {@code next()} as {@link java.io.UncheckedIOException}
     * wrapping the {@link RootIOException}.
     *
     * <p>The iterator is not thread-safe; close it to drop kept baskets early.
     *
     * @throws RootIOException on unknown or unsupported branch names or chunkEntries &lt; 1
     */
    public ChunkIterator iterate(BufferAllocator allocator, List<String> branchNames,
            long chunkEntries) throws RootIOException {
        if (chunkEntries < 1) {
            throw new RootIOException(file.path(), "TTree '" + name + "'", "chunk size "
                    + chunkEntries + " must be at least 1 entry", RootIOException.NO_OFFSET);
        }
        return new ChunkIterator(this, allocator, resolve(branchNames),
                Math.min(chunkEntries, Integer.MAX_VALUE - 8));
    }

    private List<Branch> resolve(List<String> branchNames) throws RootIOException {
        List<Branch> wanted = new ArrayList<>();
        for (String n : branchNames) {
            Branch b = find(n);
            if (b.interp == null) {
                throw new UnsupportedBranchException(file.path(), name, n, b.unsupported);
            }
            wanted.add(b);
        }
        return wanted;
    }

    VectorSchemaRoot read(BufferAllocator allocator, List<Branch> wanted, long entryStart,
            long entryStop, BasketFetcher fetcher, boolean keep) throws RootIOException {
        for (Branch b : wanted) {
            checkBranchEntries(b);
            for (int i = 0; i < b.basketCount(); i++) {
                if (overlaps(b, i, entryStart, entryStop)) {
                    fetcher.prefetch(b, i);
                }
            }
        }
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (Branch b : wanted) {
                vectors.add(readVector(b, entryStart, entryStop, allocator, fetcher, keep));
            }
            List<Field> fields = new ArrayList<>();
            vectors.forEach(v -> fields.add(v.getField()));
            return new VectorSchemaRoot(fields, vectors, (int) (entryStop - entryStart));
        } catch (RootIOException | RuntimeException | Error e) {
            closeAll(vectors, e);
            throw e;
        }
    }

    private void checkRange(long start, long stop) throws RootIOException {
        if (start < 0 || stop < start || stop > entries) {
            throw new RootIOException(file.path(), "TTree '" + name + "'", "invalid entry range ["
                    + start + ", " + stop + "): the tree has " + entries + " entries",
                    RootIOException.NO_OFFSET);
        }
        if (stop - start > Integer.MAX_VALUE - 8) {
            throw new RootIOException(file.path(), "TTree '" + name + "'", "entry range ["
                    + start + ", " + stop + ") is too long for one Arrow batch; read in chunks",
                    RootIOException.NO_OFFSET);
        }
    }

    private FieldVector readVector(Branch b, long start, long stop, BufferAllocator allocator,
            BasketFetcher fetcher, boolean keep) throws RootIOException {
        Field f = b.interp.field(b.name);
        if (b.interp.kind() != Interp.Kind.OBJECT) {
            Column col = readColumn(b, start, stop, fetcher, keep);
            return ArrowConv.toVector(f, b.interp, col, allocator);
        }
        FormBuilder builder = b.interp.form().builder();
        forEachBasket(b, start, stop, fetcher, keep, (d, from, to, obj) -> {
            for (int i = from; i < to; i++) {
                RBuffer e = new RBuffer(d.buf(), d.entryStart(i), d.entryEnd(i), file.path(),
                        obj + " entry " + (d.firstEntry() + i), -1, 0);
                builder.read(e);
                if (e.remaining() != 0) {
                    throw e.error("decoded " + e.pos() + " of the entry's " + e.limit()
                            + " bytes as " + b.interp.rootType());
                }
            }
        });
        checkCount(b, builder.count(), (int) (stop - start));
        FieldVector v = f.createVector(allocator);
        try {
            builder.fill(v);
            return v;
        } catch (RuntimeException | Error e) {
            v.close();
            throw e;
        }
    }

    /** What to do with entries [from, to) of one basket. */
    private interface BasketAction {
        void accept(BasketData d, int from, int to, String basketName) throws RootIOException;
    }

    private static boolean overlaps(Branch b, int i, long start, long stop) {
        long first = BasketLoader.firstEntry(b, i);
        long count = BasketLoader.declaredEntries(b, i);
        return count > 0 && first + count > start && first < stop;
    }

    private void forEachBasket(Branch b, long start, long stop, BasketFetcher fetcher,
            boolean keep, BasketAction action) throws RootIOException {
        for (int i = 0; i < b.basketCount(); i++) {
            if (!overlaps(b, i, start, stop)) {
                continue;
            }
            long first = BasketLoader.firstEntry(b, i);
            long count = BasketLoader.declaredEntries(b, i);
            BasketData d = fetcher.get(b, i);
            if (keep && first + count > stop) {
                fetcher.keep(b, i, d);
            }
            if (d.entries() != count) {
                throw new RootIOException(file.path(), basketName(b, i), "basket holds "
                        + d.entries() + " entries, the branch index says " + count,
                        RootIOException.NO_OFFSET);
            }
            if (d.offsets() == null && b.interp.kind() == Interp.Kind.OBJECT && count > 0
                    && (d.end() - d.start()) % count != 0) {
                throw new RootIOException(file.path(), basketName(b, i), "basket of "
                        + (d.end() - d.start()) + " bytes has no entry offsets and cannot hold "
                        + count + " equal entries", RootIOException.NO_OFFSET);
            }
            int from = (int) (Math.max(start, first) - first);
            int to = (int) (Math.min(stop, first + count) - first);
            action.accept(d, from, to, basketName(b, i));
        }
    }

    private void checkCount(Branch b, int got, int n) throws RootIOException {
        if (got != n) {
            throw new RootIOException(file.path(), "TTree '" + name + "' branch '" + b.name + "'",
                    "baskets cover " + got + " of the " + n + " entries requested",
                    RootIOException.NO_OFFSET);
        }
    }

    private Column readColumn(Branch b, long start, long stop, BasketFetcher fetcher,
            boolean keep) throws RootIOException {
        int n = (int) (stop - start);
        List<Slice> slices = new ArrayList<>();
        forEachBasket(b, start, stop, fetcher, keep,
                (d, from, to, obj) -> slices.add(new Slice(d, from, to, obj)));
        // The entries' stored bytes bound the values they hold: one allocation, no regrowth.
        long bytes = 0;
        for (Slice s : slices) {
            bytes += s.d().entryStart(s.to()) - s.d().entryStart(s.from());
        }
        Column col = new Column((int) Math.min(bytes, Integer.MAX_VALUE - 16),
                b.interp.jagged() || b.interp.kind() == Interp.Kind.CSTRING, n);
        for (Slice s : slices) {
            BasketData d = s.d();
            // Positions in messages count from the payload start, wherever buf begins it.
            RBuffer ctx = new RBuffer(d.buf(), d.start(), d.buf().length, file.path(),
                    s.obj() + " payload", -1, 0);
            ColumnDecoder.decode(b.interp, d, s.from(), s.to(), col, ctx);
        }
        checkCount(b, col.entries, n);
        return col;
    }

    /** Entries [from, to) of one basket, as {@link #forEachBasket} hands them out. */
    private record Slice(BasketData d, int from, int to, String obj) {
    }

    private void checkBranchEntries(Branch b) throws RootIOException {
        if (b.entries != entries) {
            throw new RootIOException(file.path(), "TTree '" + name + "' branch '" + b.name + "'",
                    "branch has " + b.entries + " entries, the tree " + entries,
                    RootIOException.NO_OFFSET);
        }
        if (b.basketEntry.length < b.basketCount()) {
            throw new RootIOException(file.path(), "TTree '" + name + "' branch '" + b.name + "'",
                    "basket index lists " + b.basketEntry.length + " first entries for "
                    + b.basketCount() + " baskets", RootIOException.NO_OFFSET);
        }
    }

    private String basketName(Branch b, int i) {
        return "TTree '" + name + "' branch '" + b.name + "' basket " + i;
    }

    private static void closeAll(List<FieldVector> vectors, Throwable primary) {
        try {
            AutoCloseables.close(vectors);
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }

    RootFile file() {
        return file;
    }
}
