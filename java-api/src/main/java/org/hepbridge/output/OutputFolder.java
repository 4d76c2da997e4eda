package org.hepbridge.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder written all-or-nothing: files are created in a hidden staging folder beside
 * the target and moved into place only by {@link #commit}. If the work fails, {@link #close}
 * without commit deletes the staging folder, so a reader never sees a half-written result posing
 * as complete. Files already in the target that the run did not produce are left alone.
 *
 * <p>Not thread-safe.
 */
public final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final List<String> written = new ArrayList<>();
    private boolean committed;
    private final Thread cleanupOnExit = new Thread(this::deleteStagingQuietly,
            "hepbridge-output-cleanup");

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Prepares writing into {@code target}, which is created if needed.
     *
     * @throws NotDirectoryException if {@code target} exists and is not a folder
     */
    public static OutputFolder create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IOException("cannot use the file-system root " + absolute
                    + " as output folder");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new NotDirectoryException(absolute + " (the output folder) is a file");
        }
        Path parent = absolute.getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + absolute.getFileName()
                    + ".partial-");
        } catch (IOException e) {
            throw new IOException("cannot create output folder " + absolute + ": "
                    + reason(e), e);
        }
        OutputFolder folder = new OutputFolder(absolute, staging);
        // An interrupted run (Ctrl-C, SIGTERM) must not leave its staging folder behind.
        Runtime.getRuntime().addShutdownHook(folder.cleanupOnExit);
        return folder;
    }

    /** The cause of an I/O failure in words, for file-system exceptions whose message is a path. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The folder results end up in. */
    public Path target() {
        return target;
    }

    /**
     * Where to write the file {@code name} now (inside the staging folder). The name is a plain
     * file name; it is recorded and moved into the target on commit.
     */
    public Path file(String name) {
        if (committed) {
            throw new IllegalStateException("OutputFolder " + target + " is already committed");
        }
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("output file name must be a plain name, got '"
                    + name + "'");
        }
        if (!written.contains(name)) {
            written.add(name);
        }
        return staging.resolve(name);
    }

    /** Names of the files written so far. */
    public List<String> files() {
        return List.copyOf(written);
    }

    /**
     * Moves every written file into the target, the file named {@code last} (the summary that
     * marks the result complete) after all the others.
     */
    public void commit(String last) throws IOException {
        List<String> order = new ArrayList<>(written);
        if (order.remove(last)) {
            order.add(last);
        }
        // Check everything before replacing anything, so that a predictable failure leaves the
        // previous result untouched.
        for (String name : order) {
            if (!Files.exists(staging.resolve(name))) {
                throw new IOException("output file " + name + " was announced but not written");
            }
            if (Files.isDirectory(target.resolve(name))) {
                throw new IOException("cannot write " + name + " into output folder " + target
                        + ": a folder of that name is in the way");
            }
        }
        try {
            Files.createDirectories(target);
            // The old completion marker goes first: while files are swapped, and if the swap
            // fails halfway, the folder does not claim to hold a complete result.
            Files.deleteIfExists(target.resolve(last));
            for (String name : order) {
                move(staging.resolve(name), target.resolve(name));
            }
        } catch (IOException e) {
            throw new IOException("cannot write results into output folder " + target + ": "
                    + reason(e), e);
        }
        committed = true;
        deleteStaging();
    }

    private static void move(Path source, Path destination) throws IOException {
        try {
            Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(source, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the staging folder; after a failure, nothing of this run remains. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run; it deletes the staging folder itself.
        }
        try {
            deleteStaging();
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete staging folder " + staging, e);
        }
    }

    private void deleteStagingQuietly() {
        try {
            deleteStaging();
        } catch (IOException | RuntimeException e) {
            // Best effort during JVM shutdown; nothing can be reported any more.
        }
    }

    private void deleteStaging() throws IOException {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
