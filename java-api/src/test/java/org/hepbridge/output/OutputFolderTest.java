package org.hepbridge.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-or-nothing output: nothing appears before commit, and a blocked commit changes nothing. */
class OutputFolderTest {
    @TempDir
    Path temp;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesAppearOnlyOnCommitAndTheStagingFolderGoes() throws Exception {
        Path target = temp.resolve("out");
        try (OutputFolder out = OutputFolder.create(target)) {
            Files.writeString(out.file("a.txt"), "a");
            Files.writeString(out.file("summary.json"), "{}");
            assertFalse(Files.exists(target), "nothing visible before commit");
            out.commit("summary.json");
        }
        assertEquals(List.of("a.txt", "summary.json"), names(target));
        assertEquals(List.of("out"), names(temp), "no staging folder left");
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws Exception {
        try (OutputFolder out = OutputFolder.create(temp.resolve("out"))) {
            Files.writeString(out.file("a.txt"), "half");
        }
        assertEquals(List.of(), names(temp));
    }

    @Test
    void aFolderInTheWayFailsTheCommitBeforeAnythingIsReplaced() throws Exception {
        Path target = Files.createDirectories(temp.resolve("out"));
        Files.writeString(target.resolve("a.txt"), "previous");
        Files.createDirectories(target.resolve("summary.json"));
        try (OutputFolder out = OutputFolder.create(target)) {
            Files.writeString(out.file("a.txt"), "new");
            Files.writeString(out.file("summary.json"), "{}");

            IOException error = assertThrows(IOException.class, () -> out.commit("summary.json"));

            assertEquals("cannot write summary.json into output folder " + target
                    + ": a folder of that name is in the way", error.getMessage());
        }
        assertEquals("previous", Files.readString(target.resolve("a.txt")));
        assertTrue(Files.isDirectory(target.resolve("summary.json")));
        assertEquals(List.of("out"), names(temp));
    }

    @Test
    void anUncreatableFolderIsNamedWithTheReason() throws Exception {
        Path file = Files.writeString(temp.resolve("plain"), "x");

        IOException error = assertThrows(IOException.class,
                () -> OutputFolder.create(file.resolve("sub")));

        assertTrue(error.getMessage().startsWith("cannot create output folder "
                + file.resolve("sub") + ": "), error.getMessage());
    }
}
