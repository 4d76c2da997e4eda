package org.hepbridge.legacy;

import java.net.URL;
import java.nio.file.Path;

/**
 * The calibration constants shipped with the legacy tools ({@code hbl_calibration.txt}, the
 * file of native/data), for the {@code CalibrationFile} property of {@link CalibrationTool}.
 *
 * <p>The constants are illustrative, not official ATLAS recommendations. Thread-safe.
 */
public final class CalibrationFiles {

    static final String RESOURCE = "/org/hepbridge/legacy/data/hbl_calibration.txt";

    private static Path defaultFile;

    private CalibrationFiles() {}

    /**
     * A file holding the shipped constants: the resource itself when the class path is a
     * directory, otherwise a temporary copy made on the first call (deleted at JVM exit).
     *
     * @throws IllegalStateException when the resource is missing from the class path
     */
    public static synchronized Path defaultFile() {
        if (defaultFile == null) {
            URL resource = CalibrationFiles.class.getResource(RESOURCE);
            if (resource == null) {
                throw new IllegalStateException("CalibrationFiles: the class path has no "
                        + "resource " + RESOURCE
                        + " (the bindings build copies native/data/hbl_calibration.txt)");
            }
            defaultFile = NativeLibrary.ResourceFiles.asFile(resource, "hbl_calibration", ".txt");
        }
        return defaultFile;
    }
}
