package org.hepbridge.python;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds the GraalPy contexts that run hepbridge scripts, with the least privileges the
 * package needs.
 *
 * <p>What a script may do: look up exactly one host class, {@link PythonBridge}; call only
 * methods annotated {@link HostAccess.Export} (the bridge and the objects it returns) and read
 * Java arrays those return; read files (imports, data) through a read-only view of the file
 * system. What it may not do: look up or load any other host class, create processes or
 * threads, use native code (so no C extensions and no ctypes), reach other polyglot
 * languages, read environment variables, or write files. Java code called through the bridge
 * runs with the JVM's own permissions (it reads ROOT files named by the script).
 */
public final class GraalPyContexts {
    /** The only host class a script can look up with {@code java.type}. */
    public static final String BRIDGE_CLASS = PythonBridge.class.getName();

    private GraalPyContexts() {
    }

    /** The host access: {@code @HostAccess.Export} members only, plus Java arrays as lists. */
    public static HostAccess hostAccess() {
        return HostAccess.newBuilder()
                .allowAccessAnnotatedBy(HostAccess.Export.class)
                .allowArrayAccess(true)
                .build();
    }

    /**
     * A new context whose Python path is {@code pythonPath} (the hepbridge package source
     * first, then the script's folder) and whose {@code sys.argv} is {@code argv}. The caller
     * owns (closes) it.
     */
    public static Context create(List<Path> pythonPath, List<String> argv) {
        String path = pythonPath.stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return Context.newBuilder("python")
                .allowHostAccess(hostAccess())
                .allowHostClassLookup(BRIDGE_CLASS::equals)
                .allowHostClassLoading(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(
                        FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem()))
                        .build())
                // Without the Graal compiler Truffle interprets; that is expected here.
                .option("engine.WarnInterpreterOnly", "false")
                .option("python.PythonPath", path)
                // Bytecode caches cannot be written to a read-only file system anyway.
                .option("python.DontWriteBytecodeFlag", "true")
                .arguments("python", argv.toArray(String[]::new))
                .build();
    }
}
