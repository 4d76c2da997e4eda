package org.hepbridge.bench.hzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hepbridge.bench.NativeBuild;

/**
 * Runs the pure C++ analysis program {@code hbl_hzz4l} in its own process and reads its
 * result: the reference every Java path is checked against. Stateless and thread-safe.
 */
public final class CppAnalysisProgram {
    private static final long TIMEOUT_MINUTES = 30;

    /**
     * One run of the program.
     *
     * @param counts the histograms
     * @param seconds the time of the event loop (reading the dump and initializing excluded)
     * @param peakRssKiB the process's peak resident set size
     */
    public record Result(Hzz4lCounts counts, double seconds, long peakRssKiB) {
    }

    private CppAnalysisProgram() {
    }

    /**
     * Runs {@code hbl_hzz4l} over {@code events} replicated events of {@code dump}.
     *
     * @throws IOException when it cannot start, fails (its standard error is in the message)
     *     or prints something else than its JSON result
     */
    public static Result run(Path dump, long events) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                NativeBuild.analysisProgram().toString(), "--dump", dump.toString(),
                "--calibration", NativeBuild.calibrationFile().toString(),
                "--events", Long.toString(events)));
        // Standard error goes to a file, so that neither pipe can fill up and block the other.
        Path errors = Files.createTempFile("hbl_hzz4l", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            int status = waitFor(process, command);
            if (status != 0) {
                throw new IOException("CppAnalysisProgram: " + String.join(" ", command)
                        + " exited with " + status + ": " + Files.readString(errors).strip());
            }
            return parse(out, command);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static int waitFor(Process process, List<String> command) throws IOException {
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("CppAnalysisProgram: " + String.join(" ", command)
                        + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("CppAnalysisProgram: interrupted waiting for "
                    + String.join(" ", command), e);
        }
    }

    private static Result parse(byte[] out, List<String> command) throws IOException {
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode counts = json == null ? null : json.get("counts");
        if (counts == null || !counts.isArray() || counts.size() != Hzz4lCounts.SIZE) {
            throw new IOException("CppAnalysisProgram: " + String.join(" ", command)
                    + " printed no array of " + Hzz4lCounts.SIZE + " counts: "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
        List<String> variations = new ArrayList<>();
        json.get("variations").forEach(v -> variations.add(v.asText()));
        if (!variations.equals(Hzz4lCounts.VARIATIONS)) {
            throw new IOException("CppAnalysisProgram: the program's variations " + variations
                    + " are not the expected " + Hzz4lCounts.VARIATIONS);
        }
        long[] values = new long[Hzz4lCounts.SIZE];
        for (int i = 0; i < values.length; i++) {
            values[i] = counts.get(i).asLong();
        }
        return new Result(Hzz4lCounts.of(values), json.get("seconds").asDouble(),
                json.get("peak_rss_kib").asLong());
    }
}
