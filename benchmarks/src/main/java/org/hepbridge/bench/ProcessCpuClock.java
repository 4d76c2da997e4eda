package org.hepbridge.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The CPU time of this whole process (all threads: JIT, GC included) in nanoseconds, from
 * POSIX {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} called through FFM: the clock Google
 * Benchmark's cpu_time uses, with nanosecond resolution where the JDK's
 * OperatingSystemMXBean rounds to scheduler ticks (10 ms here). Linux only. Thread-safe.
 */
public final class ProcessCpuClock {
    private static final int CLOCK_PROCESS_CPUTIME_ID = 2;  // Linux, <time.h>
    private static final MethodHandle CLOCK_GETTIME = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("clock_gettime").orElseThrow(
                    () -> new UnsatisfiedLinkError("ProcessCpuClock: no clock_gettime in the C "
                            + "library")),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ValueLayout.ADDRESS));

    private ProcessCpuClock() {
    }

    /** CPU time consumed by the process so far, in nanoseconds. */
    public static long nanos() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timespec = arena.allocate(16, 8);  // struct timespec {long; long;}
            int status = (int) CLOCK_GETTIME.invokeExact(CLOCK_PROCESS_CPUTIME_ID, timespec);
            if (status != 0) {
                throw new IllegalStateException("ProcessCpuClock: clock_gettime returned "
                        + status);
            }
            return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("ProcessCpuClock: a downcall threw", t);
        }
    }
}
