package org.hepbridge.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.hepbridge.root.BranchInfo;
import org.hepbridge.root.ChunkIterator;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.RootIOException;
import org.hepbridge.root.TTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hepbridge convert FILE[:TREE] --to OUT [--branches a,b]}: writes a TTree's branches as
 * an Arrow IPC file ({@code .arrow}, {@code .feather}, {@code .ipc}) or a Parquet file
 * ({@code .parquet}), reading the tree in chunks. Output goes to a temporary file beside OUT
 * that is renamed into place at the end, so a failure leaves no partial OUT. Exit status 0 on
 * success, 1 when reading or writing fails, 2 on a usage error.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a ROOT TTree to an Arrow IPC (.arrow) or Parquet (.parquet) file.")
public final class ConvertCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE[:TREE]",
            description = "ROOT file, optionally with the tree path (default: the only tree)")
    private String input;

    @Option(names = "--to", required = true, paramLabel = "OUT",
            description = "output file; the extension picks the format: .arrow/.feather/.ipc "
                    + "(Arrow IPC file) or .parquet")
    private Path out;

    @Option(names = "--branches", split = ",", paramLabel = "NAME",
            description = "branches to write (default: every branch hepbridge can read)")
    private List<String> branches;

    @Option(names = "--chunk-entries", defaultValue = "100000", paramLabel = "N",
            description = "entries per record batch (default: ${DEFAULT-VALUE})")
    private long chunkEntries;

    private enum Format { IPC, PARQUET }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Format format = format(out);
        if (format == null) {
            err.println("hepbridge: " + out + ": unknown output format, expected a name ending "
                    + "in .arrow, .feather, .ipc or .parquet");
            return 2;
        }
        if (chunkEntries < 1) {
            err.println("hepbridge: --chunk-entries " + chunkEntries + ": must be at least 1");
            return 2;
        }
        TreeSource src = TreeSource.parse(input);
        try (RootFile f = RootFile.open(src.file());
                BufferAllocator allocator = new RootAllocator()) {
            TTree t = f.tree(src.treePath(f));
            List<String> names = selectBranches(t, err);
            long rows = switch (format) {
                case IPC -> writeIpc(t, names, allocator);
                case PARQUET -> writeParquet(t, names, allocator);
            };
            spec.commandLine().getOut().printf("%s: wrote %d entries of %d branches from %s:%s%n",
                    out, rows, names.size(), src.file(), t.name());
            return 0;
        } catch (RootIOException e) {
            err.println("hepbridge: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("hepbridge: " + out + ": writing failed: " + describe(e));
            return 1;
        }
    }

    // A file-system error's message is only the path; say what happened to it as well.
    private static String describe(Exception e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : fs instanceof NoSuchFileException ? "no such file or directory"
                    : fs instanceof AccessDeniedException ? "permission denied"
                    : fs instanceof FileAlreadyExistsException ? "already exists"
                    : fs.getClass().getSimpleName();
            return fs.getFile() + ": " + reason;
        }
        return e.getMessage();
    }

    private static Format format(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".arrow") || n.endsWith(".feather") || n.endsWith(".ipc")) {
            return Format.IPC;
        }
        return n.endsWith(".parquet") ? Format.PARQUET : null;
    }

    private List<String> selectBranches(TTree t, PrintWriter err) throws RootIOException {
        if (branches != null && !branches.isEmpty()) {
            for (String b : branches) {
                t.branch(b);
            }
            return List.copyOf(branches);
        }
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            (b.readable() ? names : skipped).add(b.name());
        }
        if (!skipped.isEmpty()) {
            err.println("hepbridge: " + input + ": skipping " + skipped.size()
                    + " branches hepbridge cannot read (see 'hepbridge inspect'): "
                    + String.join(", ", skipped));
        }
        return names;
    }

    private long writeIpc(TTree t, List<String> names, BufferAllocator allocator)
            throws IOException {
        Path tmp = tempBeside(out);
        long rows = 0;
        try {
            Schema schema = t.schema(names);
            try (VectorSchemaRoot sink = VectorSchemaRoot.create(schema, allocator);
                    FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    ArrowFileWriter w = new ArrowFileWriter(sink, null, ch);
                    ChunkIterator it = t.iterate(allocator, names, chunkEntries)) {
                w.start();
                VectorLoader loader = new VectorLoader(sink);
                while (it.hasNext()) {
                    try (VectorSchemaRoot chunk = it.next();
                            ArrowRecordBatch batch = new VectorUnloader(chunk).getRecordBatch()) {
                        loader.load(batch);
                        w.writeBatch();
                        rows += chunk.getRowCount();
                    }
                }
                w.end();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final long NATIVE_RELEASE_WAIT_NANOS = 10_000_000_000L;

    private long writeParquet(TTree t, List<String> names, BufferAllocator allocator)
            throws IOException {
        Path dir = Files.createTempDirectory(absoluteParent(out), "." + out.getFileName() + ".");
        try (BufferAllocator writerMemory = allocator.newChildAllocator("parquet-writer", 0,
                Long.MAX_VALUE)) {
            ChunkReader reader = new ChunkReader(writerMemory, t, names, chunkEntries);
            try (reader) {
                DatasetFileWriter.write(writerMemory, reader, FileFormat.PARQUET,
                        dir.toUri().toString());
            } catch (IOException | RuntimeException e) {
                reader.rethrow();
                throw e;
            }
            awaitNativeRelease(writerMemory);
            List<Path> parts;
            try (Stream<Path> s = Files.walk(dir)) {
                parts = s.filter(Files::isRegularFile).toList();
            }
            if (parts.size() != 1) {
                throw new IOException("the Parquet writer produced " + parts.size()
                        + " files, expected 1: " + parts);
            }
            Files.move(parts.get(0), out, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return reader.rows();
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Waits until Arrow's native dataset writer has released every batch it imported. The
     * writer returns once the file is complete, but the last batches are released by its
     * C++ thread pool a little later (seen in about one run in fifteen on two cores); closing
     * the allocator before then reports a leak, and the late release then fails on the closed
     * allocator in a native thread.
     */
    private static void awaitNativeRelease(BufferAllocator writerMemory) throws IOException {
        long deadline = System.nanoTime() + NATIVE_RELEASE_WAIT_NANOS;
        while (writerMemory.getAllocatedMemory() != 0) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the Parquet writer still holds "
                        + writerMemory.getAllocatedMemory() + " bytes of exported batches "
                        + NATIVE_RELEASE_WAIT_NANOS / 1_000_000_000 + " s after finishing");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the Parquet writer was "
                        + "releasing its batches");
            }
        }
    }

    private static Path tempBeside(Path target) throws IOException {
        // Not createTempFile: its files are owner-only (0600), and a converted file is meant to
        // be shared like any other output, so the process's normal permissions apply.
        Path temp = absoluteParent(target).resolve("." + target.getFileName() + "."
                + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
        return Files.createFile(temp);
    }

    private static Path absoluteParent(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
