package org.hepbridge.bench.hzz;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.hepbridge.bench.dump.ColumnDump;
import org.hepbridge.bench.dump.DumpColumn;
import org.hepbridge.bench.ffi.HblAnalysisLibrary;
import org.hepbridge.legacy.Status;

/**
 * Path (c): the pure C++ analysis (event loop over the per-object API) called once per run
 * through FFM ({@code hbl_analysis_run}); Java only passes the dump's column pointers and reads
 * back the counts.
 *
 * <p>Owns the native analysis; close it. Not thread-safe.
 */
public final class WholeAnalysisPath implements AnalysisPath {
    private static final int MESSAGE_BYTES = 1024;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment analysis;
    private final MemorySegment columns;
    private final MemorySegment counts;

    /** A path over {@code dump} (borrowed: it must outlive this path). */
    public WholeAnalysisPath(ColumnDump dump, Path calibrationFile) {
        try {
            this.analysis = create(calibrationFile);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
        this.columns = arena.allocate(HblAnalysisLibrary.EVENT_COLUMNS);
        columns.set(JAVA_LONG, 0, dump.events());
        for (DumpColumn c : DumpColumn.values()) {
            columns.set(ADDRESS, 8L + 8L * c.ordinal(), dump.column(c));
        }
        this.counts = arena.allocate(JAVA_LONG, HblAnalysisLibrary.COUNTS);
    }

    private MemorySegment create(Path calibrationFile) {
        MemorySegment out = arena.allocate(ADDRESS);
        MemorySegment message = arena.allocate(MESSAGE_BYTES);
        int status = invokeInt(() -> (int) HblAnalysisLibrary.CREATE.invokeExact(
                arena.allocateFrom(calibrationFile.toString()), out, message,
                (long) MESSAGE_BYTES));
        if (status != 0) {
            throw new IllegalStateException("hbl_analysis_create: " + Status.of(status) + ": "
                    + message.getString(0));
        }
        return out.get(ADDRESS, 0);
    }

    @Override
    public String name() {
        return "cpp-ffm";
    }

    @Override
    public Hzz4lCounts run(long events) {
        counts.fill((byte) 0);
        int status = invokeInt(() -> (int) HblAnalysisLibrary.RUN.invokeExact(analysis, columns,
                events, counts));
        if (status != 0) {
            throw new IllegalStateException("hbl_analysis_run over " + events + " events: "
                    + Status.of(status) + ": " + lastError());
        }
        return Hzz4lCounts.of(counts.toArray(JAVA_LONG));
    }

    private String lastError() {
        MemorySegment text = (MemorySegment) invoke(() -> (MemorySegment)
                HblAnalysisLibrary.LAST_ERROR.invokeExact(analysis));
        return text.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            invoke(() -> {
                HblAnalysisLibrary.FREE.invokeExact(analysis);
                return null;
            });
            arena.close();
        }
    }

    /** A downcall; method handles declare Throwable, which a downcall never throws. */
    private interface Call {
        Object call() throws Throwable;
    }

    private interface IntCall {
        int call() throws Throwable;
    }

    private static Object invoke(Call call) {
        try {
            return call.call();
        } catch (Throwable t) {
            throw new AssertionError("WholeAnalysisPath: a downcall threw", t);
        }
    }

    private static int invokeInt(IntCall call) {
        try {
            return call.call();
        } catch (Throwable t) {
            throw new AssertionError("WholeAnalysisPath: a downcall threw", t);
        }
    }
}
