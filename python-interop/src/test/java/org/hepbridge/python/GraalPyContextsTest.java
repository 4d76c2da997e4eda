package org.hepbridge.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/**
 * What a script in a {@link GraalPyContexts} context may and may not do, and the hepbridge
 * package's error mapping under GraalPy. One context for all checks: each start costs seconds.
 */
class GraalPyContextsTest {
    /** Tries each action inside GraalPy and reports what happened, as text. */
    private static final String PROBES = """
            import java, sys

            def attempt(action):
                try:
                    return "allowed: " + str(action())
                except BaseException as e:
                    return "refused: " + type(e).__name__

            def write_file():
                with open("hepbridge-graalpy-probe.txt", "w") as f:
                    f.write("x")

            def start_process():
                import subprocess
                return subprocess.run(["true"]).returncode

            def load_native():
                import ctypes
                return ctypes.CDLL(None)

            def hepbridge_error():
                import hepbridge
                try:
                    hepbridge.open("/no/such/file.root")
                except hepbridge.RootIOError as e:
                    return e.java_class + " | " + e.java_message

            def wrong_column_type():
                import hepbridge
                try:
                    hepbridge.Histogram.regular(2, 0.0, 2.0, name="m4l").fill([1.0, "a"])
                except hepbridge.ColumnTypeError as e:
                    return e.java_class + " | " + e.java_message

            def probes():
                bridge_class = java.type("org.hepbridge.python.PythonBridge")
                bridge = bridge_class.open()
                return {
                    "bridge lookup": attempt(lambda: bridge.allocatedBytes()),
                    "other class lookup": attempt(lambda: java.type("java.lang.System")),
                    "non-exported method": attempt(lambda: bridge.allocator()),
                    "read file": attempt(lambda: len(open(sys.argv[0]).read()) > 0),
                    "write file": attempt(write_file),
                    "process": attempt(start_process),
                    "native": attempt(load_native),
                    "host environment": attempt(lambda: [k for k in ("PATH", "HOME", "JAVA_HOME")
                                                         if k in __import__("os").environ]),
                    "hepbridge error": attempt(hepbridge_error),
                    "wrong column type": attempt(wrong_column_type),
                }
            """;

    @Test
    void aScriptGetsOnlyTheBridgeReadOnlyFilesAndHepbridgeErrors() {
        Path script = Path.of("examples", "hzz4l.py").toAbsolutePath();
        Map<String, String> outcome = new TreeMap<>();
        try (Context context = GraalPyContexts.create(List.of(Path.of("python")),
                List.of(script.toString()))) {
            context.eval("python", PROBES);
            Value result = context.getBindings("python").getMember("probes").execute();
            for (String key : keysOf(result)) {
                outcome.put(key, result.getHashValue(key).asString());
            }
            // A refused thread is a host error GraalPy does not turn into a Python exception.
            PolyglotException thread = assertThrows(PolyglotException.class, () -> context.eval(
                    "python", "import threading; threading.Thread(target=print).start()"));
            assertEquals("java.lang.IllegalStateException: Creating threads is not allowed.",
                    thread.getMessage());
        }

        Map<String, String> expected = new TreeMap<>(Map.of(
                "bridge lookup", "allowed: 0",
                "other class lookup", "refused: KeyError",
                "non-exported method", "refused: AttributeError",
                "read file", "allowed: True",
                "write file", "refused: PermissionError",
                "process", "refused: PermissionError",
                "native", "refused: ImportError",
                "host environment", "allowed: []",
                "hepbridge error", "allowed: org.hepbridge.root.RootIOException | "
                        + "/no/such/file.root: file: no such file",
                "wrong column type", "allowed: org.hepbridge.python.ColumnTypeException | "
                        + "PythonBridge: column 'm4l' has type String (row 1: a), expected"
                        + " double"));
        assertEquals(expected, outcome);
    }

    private static Set<String> keysOf(Value dict) {
        Set<String> keys = new TreeSet<>();
        Value iterator = dict.getHashKeysIterator();
        while (iterator.hasIteratorNextElement()) {
            keys.add(iterator.getIteratorNextElement().asString());
        }
        return keys;
    }
}
