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
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new NotDirectoryException(absolute + " (the output folder) is a file");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        return new OutputFolder(absolute, staging);
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
        Files.createDirectories(target);
        List<String> order = new ArrayList<>(written);
        if (order.remove(last)) {
            order.add(last);
        }
        for (String name : order) {
            Path source = staging.resolve(name);
            if (!Files.exists(source)) {
                throw new IOException("output file " + name + " was announced but not written");
            }
            move(source, target.resolve(name));
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
            deleteStaging();
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete staging folder " + staging, e);
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
