package org.hepbridge.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryTest {

    @Test
    void loadsTheLibraryOfTheBuildTreeOnce() {
        Path first = NativeLibrary.load();
        assertTrue(first.endsWith(Path.of("target", "classes", "org", "hepbridge", "legacy",
                "native", "linux-x86_64", "libhbl.so")), first.toString());
        assertSame(first, NativeLibrary.load());
    }

    @Test
    void propertyNamingNoFileIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.locate("/nonexistent/libhbl.so", null));
        assertEquals("NativeLibrary: system property hbl.library.path=/nonexistent/libhbl.so "
                + "names no file", e.getMessage());
    }

    @Test
    void missingResourceNamesWhatWasSearched() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.locate(null, null));
        assertEquals("NativeLibrary: libhbl.so not found: system property hbl.library.path is "
                + "not set and the class path has no resource "
                + "/org/hepbridge/legacy/native/linux-x86_64/libhbl.so (build it with "
                + "'mvn -pl native,bindings package' or set -Dhbl.library.path=<path to "
                + "libhbl.so>)", e.getMessage());
    }

    @Test
    void propertyWinsOverTheResource(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("libother.so"), "x");
        URL elsewhere = URI.create("file:/elsewhere").toURL();
        assertEquals(file, NativeLibrary.locate(file.toString(), elsewhere));
    }

    @Test
    void resourceInsideAJarIsCopiedToATemporaryFile(@TempDir Path dir) throws IOException {
        byte[] content = "not really a library".getBytes(StandardCharsets.US_ASCII);
        Path jar = dir.resolve("lib.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("x/libhbl.so"));
            jarOut.write(content);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URL resource = loader.getResource("x/libhbl.so");
            assertEquals("jar", resource.getProtocol());
            Path copy = NativeLibrary.locate(null, resource);
            assertNotEquals(jar, copy);
            assertArrayEquals(content, Files.readAllBytes(copy));
        }
    }

    @Test
    void shippedCalibrationFileIsFound() throws IOException {
        Path file = CalibrationFiles.defaultFile();
        assertSame(file, CalibrationFiles.defaultFile());
        assertTrue(Files.readString(file).contains("electron  scale       0.00  1.37  0.004"));
    }

    @Test
    void enumsMapCodes() {
        assertEquals(Status.CALIBRATION_FILE, Status.of(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Status.of(12));
        assertTrue(e.getMessage().startsWith("unknown hbl status code 12 (known: [0 HBL_OK, "),
                e.getMessage());
        assertEquals(java.util.EnumSet.of(LeptonCut.PT, LeptonCut.PTCONE30),
                LeptonCut.decode(2 | 32));
        assertEquals(java.util.EnumSet.of(EventCut.CHARGE), EventCut.decode(8));
        assertEquals(Channel.TWO_E_TWO_MU, Channel.of(3));
        assertEquals("2e2mu", Channel.of(3).label());
        assertThrows(IllegalArgumentException.class, () -> Channel.of(4));
    }
}
