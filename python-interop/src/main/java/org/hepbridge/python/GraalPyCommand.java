package org.hepbridge.python;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hepbridge python SCRIPT.py [ARGS...]}: runs a Python script inside this JVM with
 * GraalPy, the hepbridge package importable, in a context with least privileges
 * ({@link GraalPyContexts}). Exit codes: the script's own ({@code sys.exit}), 0 when it ends
 * normally, 1 when it raises, 2 for a wrong command line.
 */
@Command(name = "hepbridge python",
        description = {"Run a Python script with GraalPy inside the JVM; 'import hepbridge'"
                + " works as under CPython, without numpy or pyarrow.",
            "The script may read files but not write them, start processes or threads, load"
                + " native code, read the environment or look up Java classes other than"
                + " the hepbridge bridge."},
        footer = {"", "Exit codes: the script's sys.exit status, 0 when it ends normally,"
                + " 1 when it raises, 2 bad usage."})
public final class GraalPyCommand implements Callable<Integer> {
    /** System property with the hepbridge checkout (set by the hepbridge script). */
    static final String HOME_PROPERTY = "hepbridge.home";
    /** System property overriding where the hepbridge Python package source is. */
    static final String PACKAGE_PROPERTY = "hepbridge.python.path";

    /**
     * Runs sys.argv[0] as __main__ and prints a Python exception as CPython does (GraalPy's
     * polyglot stack frames carry no current line numbers).
     */
    private static final String BOOTSTRAP = """
            import runpy, sys, traceback
            try:
                runpy.run_path(sys.argv[0], run_name="__main__")
            except SystemExit:
                raise
            except BaseException:
                traceback.print_exc()
                sys.exit(1)
            """;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "--python-path", paramLabel = "DIR",
            description = "Extra folder to import modules from (repeatable).")
    List<Path> extraPath = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The Python script to run.")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments: sys.argv[1:].")
    List<String> arguments = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command and returns its exit code (for tests and embedders). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new GraalPyCommand());
        commandLine.setStopAtPositional(true);
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("hepbridge python: " + exception.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no such script: " + script.toAbsolutePath());
        }
        List<Path> pythonPath = new ArrayList<>();
        pythonPath.add(packageSource());
        pythonPath.add(script.toAbsolutePath().getParent());
        pythonPath.addAll(extraPath);
        List<String> argv = new ArrayList<>();
        argv.add(script.toString());
        argv.addAll(arguments);
        try (Context context = GraalPyContexts.create(pythonPath, argv)) {
            return run(context);
        }
    }

    private Integer run(Context context) throws IOException {
        try {
            context.eval(Source.newBuilder("python", BOOTSTRAP, "<hepbridge python>").build());
            return 0;
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
            // Python exceptions are printed by the bootstrap; this is an error of the host,
            // e.g. a refused privilege GraalPy does not turn into a Python exception.
            PrintWriter err = spec.commandLine().getErr();
            err.println("hepbridge python: " + script + ": " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** The folder holding the {@code hepbridge} package's Python source. */
    private Path packageSource() {
        String explicit = System.getProperty(PACKAGE_PROPERTY);
        if (explicit != null) {
            return Path.of(explicit);
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot find the hepbridge Python package: set -D" + HOME_PROPERTY
                    + "=<checkout> or -D" + PACKAGE_PROPERTY + "=<folder holding hepbridge/>");
        }
        return Path.of(home, "python-interop", "python");
    }
}
