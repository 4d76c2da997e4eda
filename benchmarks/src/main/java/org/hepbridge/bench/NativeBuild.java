package org.hepbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the benchmarks find the native build: {@code libhbl_analysis.so}, the {@code
 * hbl_hzz4l} programs and the calibration constants of the legacy tools.
 *
 * <p>The CMake build folder is the system property {@value #BUILD_PROPERTY}, else {@code
 * native/target/cmake} of the checkout ({@code hepbridge.home}, else the working directory);
 * the calibration file is {@value #CALIBRATION_PROPERTY}, else {@code
 * native/data/hbl_calibration.txt}. Stateless and thread-safe.
 */
public final class NativeBuild {
    /** System property naming the CMake build folder of native/. */
    public static final String BUILD_PROPERTY = "hbl.native.build";
    /** System property naming the calibration constants file. */
    public static final String CALIBRATION_PROPERTY = "hbl.calibration";

    private NativeBuild() {
    }

    /** The shared library of hbl_analysis.h. */
    public static Path analysisLibrary() {
        return require(buildFolder().resolve("libhbl_analysis.so"));
    }

    /** The program that runs the pure C++ analysis once and prints its histograms. */
    public static Path analysisProgram() {
        return require(buildFolder().resolve("hbl_hzz4l"));
    }

    /** The C++ timing program (Google Benchmark or its std::chrono stand-in). */
    public static Path benchmarkProgram() {
        return require(buildFolder().resolve("hbl_hzz4l_bench"));
    }

    /** The calibration constants both languages use. */
    public static Path calibrationFile() {
        String configured = System.getProperty(CALIBRATION_PROPERTY);
        return require(configured != null ? Path.of(configured)
                : checkout().resolve("native/data/hbl_calibration.txt"));
    }

    static Path buildFolder() {
        String configured = System.getProperty(BUILD_PROPERTY);
        return configured != null ? Path.of(configured)
                : checkout().resolve("native/target/cmake");
    }

    private static Path checkout() {
        String home = System.getProperty("hepbridge.home");
        return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath();
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("NativeBuild: " + file + " does not exist (build it"
                    + " with 'mvn -Pbenchmarks -pl benchmarks -am package', or set -D"
                    + BUILD_PROPERTY + " / -D" + CALIBRATION_PROPERTY + ")");
        }
        return file.toAbsolutePath();
    }
}
