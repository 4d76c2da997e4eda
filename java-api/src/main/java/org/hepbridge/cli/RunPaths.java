package org.hepbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the paths a run is given before any work starts, so that mistakes are reported as
 * such instead of surfacing later as an odd I/O error or a silently merged result.
 */
final class RunPaths {
    private RunPaths() {
    }

    /**
     * Every input must be a readable regular file (not a directory, FIFO or device, which
     * would fail obscurely or block), named once, and with a distinct file name, since results
     * are labelled by file name.
     *
     * @throws IllegalArgumentException a usage error: the same file twice, or two inputs with
     *     the same name
     * @throws IOException an input that is missing or not a regular file
     */
    static void checkInputs(List<Path> inputs) throws IOException {
        Map<String, Path> byName = new HashMap<>();
        Map<Path, Path> byRealPath = new HashMap<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IOException(input + ": no such file");
            }
            if (!Files.isRegularFile(input)) {
                throw new IOException(input + ": not a regular file (a ROOT file is expected)");
            }
            if (!Files.isReadable(input)) {
                throw new IOException(input + ": permission denied");
            }
            Path real = input.toRealPath();
            Path sameFile = byRealPath.putIfAbsent(real, input);
            if (sameFile != null) {
                throw new IllegalArgumentException("input " + input + " is given twice"
                        + (sameFile.equals(input) ? "" : " (also as " + sameFile + ")"));
            }
            Path sameName = byName.putIfAbsent(input.getFileName().toString(), input);
            if (sameName != null) {
                throw new IllegalArgumentException("inputs " + sameName + " and " + input
                        + " have the same file name, which labels results; rename one");
            }
        }
    }

    /**
     * The output folder must name a folder other than the file-system root, and must not be a
     * folder holding inputs (outputs would mix with the data).
     *
     * @throws IllegalArgumentException a usage error naming the folder
     */
    static void checkOutput(Path output, List<Path> inputFolders) {
        if (output.toString().isBlank()) {
            throw new IllegalArgumentException("--output must name a folder, got an empty path");
        }
        Path absolute = output.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IllegalArgumentException("--output " + output
                    + " is the file-system root; name a folder for the results");
        }
        for (Path folder : inputFolders) {
            Path inputFolder = folder.toAbsolutePath().normalize();
            if (Objects.equals(inputFolder, absolute)) {
                throw new IllegalArgumentException("--output " + output + " is the folder of the"
                        + " input data; choose another folder so results do not mix with data");
            }
        }
    }
}
