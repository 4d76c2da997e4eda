package org.hepbridge.bench.cli;

import org.hepbridge.bench.dump.DumpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hepbridge-bench}: the commands benchmarks/run calls around JMH and the C++ timing
 * program. Exit codes: 0 success, 1 failure (including a histogram mismatch), 2 bad usage.
 */
@Command(name = "hepbridge-bench", mixinStandardHelpOptions = true,
        description = "Benchmark support: write the column dump, check that every path gives"
                + " the C++ histograms, and print the results table.",
        subcommands = {DumpCommand.class, CheckCommand.class, RunCommand.class,
            TableCommand.class})
public final class BenchCli {
    private BenchCli() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new BenchCli());
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("hepbridge-bench " + cmd.getCommandName() + ": "
                    + exception.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }
}
