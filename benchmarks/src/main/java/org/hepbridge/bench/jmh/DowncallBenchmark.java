package org.hepbridge.bench.jmh;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.hepbridge.bench.ffi.HblAnalysisLibrary;
import org.hepbridge.legacy.LeptonSelectionTool;
import org.hepbridge.legacy.ffi.hbl_h;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one foreign call costs, against the size {@code n} of the buffers it takes:
 * <ul>
 * <li>{@code emptyDowncall*}: a call to a C function that does nothing (with and without
 * the thread-state transition, {@code Linker.Option.critical});</li>
 * <li>{@code sum*}: a C function reading n floats, handed a native segment in place, a Java
 * {@code float[]} in place (critical, heap access), or a copy of the array in a fresh arena
 * (what a JNI-style binding does);</li>
 * <li>{@code arenaPerBatch}: allocating (zeroed) and freeing the output buffers of a batch of
 * n events in a confined arena, the cost a path pays per batch unless it reuses them as
 * BatchedPath does;</li>
 * <li>{@code selectWrapper / selectRaw}: the lepton selection over n leptons through the safe
 * wrapper (argument checks, lock) and through the raw jextract-style binding.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class DowncallBenchmark {
    @Param({"1", "100", "10000", "1000000"})
    public int n;

    private final Arena arena = Arena.ofShared();
    private MemorySegment floats;
    private float[] heapFloats;
    private MemorySegment types;
    private MemorySegment leptonFloats;
    private MemorySegment masks;
    private LeptonSelectionTool selection;
    private MemorySegment selectionHandle;

    @Setup(Level.Trial)
    public void open() {
        heapFloats = new float[n];
        for (int i = 0; i < n; i++) {
            heapFloats[i] = i % 7;
        }
        floats = arena.allocateFrom(JAVA_FLOAT, heapFloats);
        types = arena.allocate(JAVA_INT, n);
        for (int i = 0; i < n; i++) {
            types.setAtIndex(JAVA_INT, i, i % 2 == 0 ? 11 : 13);
        }
        leptonFloats = arena.allocateFrom(JAVA_FLOAT, leptonValues(n));
        masks = arena.allocate(JAVA_INT, n);
        selection = LeptonSelectionTool.create("DowncallBenchmark");
        selection.initialize();
        selectionHandle = rawHandle();
    }

    // The same value in every input column: the cost of the cuts does not depend on it.
    private static float[] leptonValues(int n) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, 1.0f);
        return values;
    }

    private MemorySegment rawHandle() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(hbl_h.C_POINTER);
            int status = hbl_h.hbl_tool_create(arena.allocateFrom("LeptonSelectionTool"),
                    arena.allocateFrom("raw"), out);
            MemorySegment handle = out.get(hbl_h.C_POINTER, 0);
            if (status != 0 || hbl_h.hbl_tool_initialize(handle) != 0) {
                throw new IllegalStateException("DowncallBenchmark: cannot create a raw "
                        + "LeptonSelectionTool (status " + status + ")");
            }
            return handle;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        hbl_h.hbl_tool_free(selectionHandle);
        selection.close();
        arena.close();
    }

    @Benchmark
    public void emptyDowncall() throws Throwable {
        HblAnalysisLibrary.NOOP.invokeExact();
    }

    @Benchmark
    public void emptyDowncallCritical() throws Throwable {
        HblAnalysisLibrary.NOOP_CRITICAL.invokeExact();
    }

    @Benchmark
    public double sumNativeSegment() throws Throwable {
        return (double) HblAnalysisLibrary.SUM.invokeExact(floats, (long) n);
    }

    @Benchmark
    public double sumHeapArrayInPlace() throws Throwable {
        return (double) HblAnalysisLibrary.SUM_HEAP.invokeExact(
                MemorySegment.ofArray(heapFloats), (long) n);
    }

    @Benchmark
    public double sumHeapArrayCopied() throws Throwable {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment copy = call.allocateFrom(JAVA_FLOAT, heapFloats);
            return (double) HblAnalysisLibrary.SUM.invokeExact(copy, (long) n);
        }
    }

    /** The nine output buffers of a batch of n events (as BatchedPath holds) per batch. */
    @Benchmark
    public long arenaPerBatch() {
        try (Arena batch = Arena.ofConfined()) {
            long bytes = 0;
            bytes += batch.allocate(JAVA_FLOAT, 4L * n).byteSize();
            bytes += batch.allocate(JAVA_FLOAT, 4L * n).byteSize();
            bytes += batch.allocate(JAVA_INT, 4L * n).byteSize();
            bytes += batch.allocate(JAVA_INT, n).byteSize();
            bytes += batch.allocate(JAVA_INT, n).byteSize();
            bytes += batch.allocate(JAVA_DOUBLE, n).byteSize();
            bytes += batch.allocate(JAVA_DOUBLE, n).byteSize();
            bytes += batch.allocate(JAVA_DOUBLE, n).byteSize();
            bytes += batch.allocate(JAVA_INT, 4L * n).byteSize();
            return bytes;
        }
    }

    @Benchmark
    public void selectWrapper() {
        selection.select(n, types, leptonFloats, leptonFloats, leptonFloats, leptonFloats,
                leptonFloats, leptonFloats, leptonFloats, masks);
    }

    /** The masks the select benchmarks write (for tests). */
    public MemorySegment masks() {
        return masks;
    }

    @Benchmark
    public int selectRaw() {
        return hbl_h.hbl_select_leptons(selectionHandle, n, types, leptonFloats, leptonFloats,
                leptonFloats, leptonFloats, leptonFloats, leptonFloats, leptonFloats, masks);
    }
}
