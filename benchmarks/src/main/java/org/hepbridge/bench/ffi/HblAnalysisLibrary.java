package org.hepbridge.bench.ffi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.bench.NativeBuild;

/**
 * FFM bindings of native/include/hbl/hbl_analysis.h (libhbl_analysis.so), written by hand
 * in the shape jextract gives: one static method handle per function, invoked exactly.
 *
 * <p>The library is loaded once, on first use, from {@link NativeBuild#analysisLibrary()}
 * into the global arena (it stays loaded). The handles are thread-safe; the analysis handles
 * they create are not (one thread at a time each).
 */
public final class HblAnalysisLibrary {
    /** Layout of struct hbl_event_columns: n_events, then 16 column pointers. */
    public static final StructLayout EVENT_COLUMNS = eventColumnsLayout();
    /** Int64 counts hbl_analysis_run writes (HBL_ANALYSIS_COUNTS). */
    public static final int COUNTS = 936;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup SYMBOLS = SymbolLookup.libraryLookup(
            NativeBuild.analysisLibrary(), Arena.global());

    public static final MethodHandle CREATE = downcall("hbl_analysis_create",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    public static final MethodHandle FREE = downcall("hbl_analysis_free",
            FunctionDescriptor.ofVoid(ADDRESS));
    public static final MethodHandle RUN = downcall("hbl_analysis_run",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    public static final MethodHandle LAST_ERROR = downcall("hbl_analysis_last_error",
            FunctionDescriptor.of(ADDRESS, ADDRESS));
    public static final MethodHandle VARIATION_NAME = downcall("hbl_analysis_variation_name",
            FunctionDescriptor.of(ADDRESS, JAVA_INT));
    /** void hbl_bench_noop(void). */
    public static final MethodHandle NOOP = downcall("hbl_bench_noop",
            FunctionDescriptor.ofVoid());
    /** hbl_bench_noop with Linker.Option.critical(false): no thread-state transition. */
    public static final MethodHandle NOOP_CRITICAL = downcall("hbl_bench_noop",
            FunctionDescriptor.ofVoid(), Linker.Option.critical(false));
    /** double hbl_bench_sum(const float *values, int64_t n). */
    public static final MethodHandle SUM = downcall("hbl_bench_sum",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG));
    /** hbl_bench_sum with Linker.Option.critical(true): heap segments are passed in place. */
    public static final MethodHandle SUM_HEAP = downcall("hbl_bench_sum",
            FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG), Linker.Option.critical(true));

    private HblAnalysisLibrary() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor,
            Linker.Option... options) {
        MemorySegment symbol = SYMBOLS.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "HblAnalysisLibrary: " + NativeBuild.analysisLibrary() + " has no symbol "
                        + name));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    private static StructLayout eventColumnsLayout() {
        String[] columns = {"offsets", "run_number", "event_number", "trig_e", "trig_m", "type",
            "charge", "pt", "eta", "phi", "e", "ptcone30", "etcone20", "d0", "d0_sigma", "z0"};
        List<MemoryLayout> members = new ArrayList<>();
        members.add(JAVA_LONG.withName("n_events"));
        for (String column : columns) {
            members.add(ADDRESS.withName(column));
        }
        return MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new))
                .withName("hbl_event_columns");
    }

    /** The library file the handles are bound to. */
    public static Path file() {
        return NativeBuild.analysisLibrary();
    }
}
