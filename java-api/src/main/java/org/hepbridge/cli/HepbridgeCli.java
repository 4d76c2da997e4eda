package org.hepbridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hepbridge} command line. Exit codes: 0 success, 1 the work failed (bad input data,
 * failed fit, unwritable output), 2 the command line itself is wrong. Logs and errors go to
 * standard error, so standard output carries only what a command is asked to print.
 */
@Command(name = "hepbridge", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run HEP analyses on ROOT data from Java, driving legacy C++ tools"
                + " through Project Panama.",
        subcommands = {RunCommand.class, InspectCommand.class, ConvertCommand.class,
            CommandLine.HelpCommand.class})
public final class HepbridgeCli {
    /** Exit code when the work itself failed. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for a wrong command line. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests and embedders). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new HepbridgeCli());
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("hepbridge: " + Messages.describe(exception));
            return EXIT_FAILURE;
        });
        return commandLine.execute(args);
    }
}
