package org.hepbridge.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads {@code libhbl.so}, the shared library of the legacy tools, into this JVM.
 *
 * <p>{@link #load()} is idempotent and thread-safe; the library stays loaded for the life of
 * the class loader. It looks, in order, at the system property {@value #PATH_PROPERTY} (a
 * file path) and at the class-path resource {@code
 * /org/hepbridge/legacy/native/<os>-<arch>/libhbl.so}, which the bindings jar carries for
 * linux-x86_64. A resource inside a jar is copied to a temporary file first, because the
 * dynamic linker needs a file.
 *
 * <p>The generated bindings ({@code org.hepbridge.legacy.ffi}) find the symbols through
 * {@link java.lang.foreign.SymbolLookup#loaderLookup()}, which sees libraries loaded by this
 * class loader with {@link System#load}: every wrapper class calls {@code load()} before its
 * first downcall.
 */
public final class NativeLibrary {

    /** System property naming the library file to load instead of the bundled one. */
    public static final String PATH_PROPERTY = "hbl.library.path";

    private static Path loaded;

    private NativeLibrary() {}

    /**
     * Loads the library once and returns the file it was loaded from.
     *
     * @throws IllegalStateException when neither the property nor the resource names a file
     */
    public static synchronized Path load() {
        if (loaded == null) {
            Path path = locate(System.getProperty(PATH_PROPERTY),
                    NativeLibrary.class.getResource(resourceName()));
            System.load(path.toAbsolutePath().toString());
            loaded = path;
        }
        return loaded;
    }

    /**
     * The version of the loaded library as "major.minor.patch" (loading it if needed), from
     * {@code hbl_version()}.
     */
    public static String versionString() {
        load();
        int version = org.hepbridge.legacy.ffi.hbl_h.hbl_version();
        return (version / 10000) + "." + (version / 100 % 100) + "." + (version % 100);
    }

    /** The class-path resource of the library for this platform. */
    static String resourceName() {
        return "/org/hepbridge/legacy/native/" + platform() + "/libhbl.so";
    }

    static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).replace(' ', '_');
        String arch = System.getProperty("os.arch");
        return os + "-" + ("amd64".equals(arch) ? "x86_64" : arch);
    }

    /** The file to load: the property when set, otherwise the resource (extracted if needed). */
    static Path locate(String propertyValue, URL resource) {
        if (propertyValue != null) {
            Path path = Path.of(propertyValue);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException("NativeLibrary: system property " + PATH_PROPERTY
                        + "=" + propertyValue + " names no file");
            }
            return path;
        }
        if (resource == null) {
            throw new IllegalStateException("NativeLibrary: libhbl.so not found: system property "
                    + PATH_PROPERTY + " is not set and the class path has no resource "
                    + resourceName() + " (build it with 'mvn -pl native,bindings package' or set -D"
                    + PATH_PROPERTY + "=<path to libhbl.so>)");
        }
        return ResourceFiles.asFile(resource, "libhbl", ".so");
    }

    /** Turns class-path resources into files, copying those inside jars to temporary files. */
    static final class ResourceFiles {
        private ResourceFiles() {}

        static Path asFile(URL resource, String prefix, String suffix) {
            if ("file".equals(resource.getProtocol())) {
                try {
                    return Path.of(resource.toURI());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("NativeLibrary: bad resource URL "
                            + resource, e);
                }
            }
            try (InputStream in = resource.openStream()) {
                Path copy = Files.createTempFile(prefix, suffix);
                copy.toFile().deleteOnExit();
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException("NativeLibrary: cannot extract " + resource
                        + " to a temporary file", e);
            }
        }
    }
}
