package org.hepbridge.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the folder that holds the real input data.
 *
 * <p>The order is: an explicit path (the {@code --data} option), then the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, then a {@code shared/data} folder beside the checkout (the
 * checkout is the system property {@value #HOME_PROPERTY}, set by the launcher script, else the
 * working directory). Nothing is downloaded: the README says where the official files come from.
 */
public final class DataLocator {
    /** Environment variable naming the data folder. */
    public static final String ENVIRONMENT_VARIABLE = "HEPBRIDGE_DATA";
    /** System property naming the repository checkout (set by the {@code hepbridge} script). */
    public static final String HOME_PROPERTY = "hepbridge.home";

    private DataLocator() {
    }

    /**
     * The data folder to use, chosen as the class comment says. The folder is not required to
     * exist; {@link #requireFile} reports what is missing.
     */
    public static Path resolve(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        String home = System.getProperty(HOME_PROPERTY);
        Path checkout = home != null ? Path.of(home) : Path.of("");
        return checkout.toAbsolutePath().resolve("../shared/data").normalize();
    }

    /**
     * Resolves {@code relative} inside {@code dataFolder} and checks it is a readable file.
     *
     * @throws DataNotFoundException naming the full path and how the folder was chosen
     */
    public static Path requireFile(Path dataFolder, String relative) throws DataNotFoundException {
        Path file = dataFolder.resolve(relative);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DataNotFoundException("input file not found: " + file
                    + " (data folder from --data, else $" + ENVIRONMENT_VARIABLE
                    + ", else ../shared/data beside the checkout; see README, 'Getting the data')");
        }
        return file;
    }
}
