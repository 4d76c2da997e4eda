package org.hepbridge.spark;

import java.io.Serial;

/**
 * A Spark task could not analyse its input file. Thrown inside the task (and so carried back
 * to the driver by Spark) and rethrown on the driver by {@link SparkHzzAnalysis#run}; the
 * message names the file and what went wrong, whatever Spark wraps around it.
 */
public final class InputFailedException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String input;

    InputFailedException(String input, String message, Throwable cause) {
        super("SparkHzzAnalysis: input " + input + ": " + message, cause);
        this.input = input;
    }

    /** The input file as given to {@link SparkHzzAnalysis#run}. */
    public String input() {
        return input;
    }
}
