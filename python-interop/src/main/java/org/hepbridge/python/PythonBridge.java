package org.hepbridge.python;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.graalvm.polyglot.HostAccess;
import org.hepbridge.analysis.atlas.AtlasOpenData2020;
import org.hepbridge.data.DataLocator;
import org.hepbridge.data.DataNotFoundException;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.RootIOException;

/**
 * The one class the hepbridge Python package looks up in the JVM, under CPython (JPype) and
 * GraalPy alike; everything else is reached through the objects it returns.
 *
 * <p>Ownership: a bridge owns one Arrow {@link RootAllocator}; every {@link Batch} and
 * {@link ColumnHandle} it hands out takes its memory from it, and so does the bookkeeping of
 * each array exported through the Arrow C Data interface until the consumer releases it.
 * {@link #allocatedBytes()} is therefore the number to watch for leaks. {@link #close()} fails,
 * naming the outstanding bytes, while anything is still open or exported. Thread-safety: the
 * allocator is thread-safe; the objects handed out are not, use each from one thread at a time.
 *
 * <p>Addresses passed to the {@code export*}/{@code import*} methods are those of C structs
 * ({@code ArrowArray}, {@code ArrowSchema}, {@code ArrowArrayStream}) allocated and owned by the
 * caller; an export fills them (the consumer then owns their contents and must call their
 * release callbacks), an import moves their contents out (their release is then null).
 */
public final class PythonBridge implements AutoCloseable {
    private final BufferAllocator allocator;

    private PythonBridge(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** A bridge with its own allocator. */
    @HostAccess.Export
    public static PythonBridge open() {
        return new PythonBridge(new RootAllocator());
    }

    /** The allocator every object of this bridge allocates from. */
    public BufferAllocator allocator() {
        return allocator;
    }

    /** Bytes currently allocated: open batches and columns plus unreleased exports. */
    @HostAccess.Export
    public long allocatedBytes() {
        return allocator.getAllocatedMemory();
    }

    /**
     * Opens a ROOT file for reading.
     *
     * @throws RootIOException if it is missing or not a readable ROOT file
     */
    @HostAccess.Export
    public RootFileView openRoot(String path) throws RootIOException {
        return new RootFileView(RootFile.open(Path.of(path)), allocator);
    }

    /** The data folder: $HEPBRIDGE_DATA, else ../shared/data beside the checkout. */
    @HostAccess.Export
    public String dataFolder() {
        return DataLocator.resolve(Optional.empty()).toString();
    }

    /**
     * The four 2016 ATLAS open-data files {@code data_{A,B,C,D}.4lep.root} in the data folder.
     *
     * @throws DataNotFoundException naming the first missing file and where it was looked for
     */
    @HostAccess.Export
    public String[] atlasDataFiles() throws DataNotFoundException {
        Path folder = DataLocator.resolve(Optional.empty());
        List<String> files = new ArrayList<>();
        for (String relative : AtlasOpenData2020.dataFilesRelative()) {
            files.add(DataLocator.requireFile(folder, relative).toString());
        }
        return files.toArray(String[]::new);
    }

    /**
     * Runs the ATLAS H->ZZ*->4l analysis; see {@link HzzRun#run}.
     *
     * @throws IOException if an input cannot be read, naming file, object and offset
     */
    @HostAccess.Export
    public HzzRun runHzz(String selection, String[] files, boolean withVariations)
            throws IOException {
        return HzzRun.run(selection, files, withVariations, allocator);
    }

    /** An empty histogram with {@code bins} equal bins in [low, high) and flow bins. */
    @HostAccess.Export
    public HistogramView regularHistogram(String name, int bins, double low, double high) {
        return HistogramView.regular(name, bins, low, high);
    }

    /**
     * Imports one column handed over through the C Data interface (an {@code ArrowArray} and
     * its {@code ArrowSchema}), without copying its buffers. The producer's memory stays in use
     * until the returned handle is closed. {@code label} names the column in messages. A slice
     * or a dictionary-encoded array is refused (see {@link CDataChecks}); the structs are then
     * left to the caller to release.
     */
    @HostAccess.Export
    public ColumnHandle importArray(long arrayAddress, long schemaAddress, String label) {
        ArrowArray array = ArrowArray.wrap(arrayAddress);
        CDataChecks.requireUnsliced(array, "column '" + label + "'");
        FieldVector vector = Data.importVector(allocator, array,
                ArrowSchema.wrap(schemaAddress), null);
        return new ColumnHandle(vector, label);
    }

    /**
     * Imports a record-batch stream handed over as an {@code ArrowArrayStream} and reads it to
     * the end. A stream of exactly one batch is taken over without copying; several batches
     * are concatenated into new buffers. The stream is released before this returns.
     *
     * @throws IllegalArgumentException if a batch is a slice (see {@link CDataChecks})
     * @throws IOException if the producer reports an error
     */
    @HostAccess.Export
    public Batch importStream(long streamAddress) throws IOException {
        ArrowArrayStream stream = ArrowArrayStream.wrap(streamAddress);
        try {
            return new Batch(StreamImport.drain(stream, allocator), allocator);
        } finally {
            stream.release();
        }
    }

    /**
     * A column built from values, the GraalPy path where no C Data exists: {@code kind}
     * "bool" takes Booleans, "double" takes Numbers; nulls stay null. The caller owns (closes)
     * the handle.
     *
     * @throws ColumnTypeException at the first value of another type, naming its row
     */
    @HostAccess.Export
    public ColumnHandle columnFromValues(String name, String kind, Object[] values) {
        return ColumnHandle.fromValues(name, kind, values, allocator);
    }

    /** Synthetic event-like columns of {@code rows} rows, for benchmarks and tests. */
    @HostAccess.Export
    public Batch synthetic(int rows) {
        return SyntheticColumns.batch(rows, allocator);
    }

    /**
     * The class names of {@code error} and its superclasses up to {@link Throwable}, most
     * specific first; Python picks its exception class from them.
     */
    @HostAccess.Export
    public static String[] exceptionClasses(Throwable error) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = error.getClass(); c != null && c != Object.class;
                c = c.getSuperclass()) {
            names.add(c.getName());
        }
        return names.toArray(String[]::new);
    }

    /** The message of {@code error}, or its class name when it has none. */
    @HostAccess.Export
    public static String exceptionMessage(Throwable error) {
        String message = error.getMessage();
        return message != null ? message : error.getClass().getName();
    }

    /**
     * Closes the allocator.
     *
     * @throws IllegalStateException if batches or columns are still open or exported arrays
     *     are not released yet; the message gives the outstanding bytes
     */
    @HostAccess.Export
    @Override
    public void close() {
        allocator.close();
    }
}
