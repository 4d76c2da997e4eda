// Generated from native/include/hbl/hbl.h in jextract's layout; regenerate with
// bindings/jextract.sh, do not edit.

package org.hepbridge.legacy.ffi;

import java.lang.invoke.*;
import java.lang.foreign.*;
import java.nio.ByteOrder;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;

import static java.lang.foreign.ValueLayout.*;
import static java.lang.foreign.MemoryLayout.PathElement.*;

public class hbl_h extends hbl_h$shared {

    hbl_h() {
        // Should not be called directly
    }

    static final Arena LIBRARY_ARENA = Arena.ofAuto();

    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.loaderLookup()
            .or(Linker.nativeLinker().defaultLookup());

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol)
            .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    private static final int HBL_VERSION_MAJOR = (int)1L;
    /**
     * {@snippet lang=c :
     * #define HBL_VERSION_MAJOR 1
     * }
     */
    public static int HBL_VERSION_MAJOR() {
        return HBL_VERSION_MAJOR;
    }
    private static final int HBL_VERSION_MINOR = (int)0L;
    /**
     * {@snippet lang=c :
     * #define HBL_VERSION_MINOR 0
     * }
     */
    public static int HBL_VERSION_MINOR() {
        return HBL_VERSION_MINOR;
    }
    private static final int HBL_VERSION_PATCH = (int)0L;
    /**
     * {@snippet lang=c :
     * #define HBL_VERSION_PATCH 0
     * }
     */
    public static int HBL_VERSION_PATCH() {
        return HBL_VERSION_PATCH;
    }
    private static final int HBL_OK = (int)0L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_OK = 0
     * }
     */
    public static int HBL_OK() {
        return HBL_OK;
    }
    private static final int HBL_ERROR_NULL_ARGUMENT = (int)1L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_NULL_ARGUMENT = 1
     * }
     */
    public static int HBL_ERROR_NULL_ARGUMENT() {
        return HBL_ERROR_NULL_ARGUMENT;
    }
    private static final int HBL_ERROR_UNKNOWN_TOOL_TYPE = (int)2L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_UNKNOWN_TOOL_TYPE = 2
     * }
     */
    public static int HBL_ERROR_UNKNOWN_TOOL_TYPE() {
        return HBL_ERROR_UNKNOWN_TOOL_TYPE;
    }
    private static final int HBL_ERROR_UNKNOWN_PROPERTY = (int)3L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_UNKNOWN_PROPERTY = 3
     * }
     */
    public static int HBL_ERROR_UNKNOWN_PROPERTY() {
        return HBL_ERROR_UNKNOWN_PROPERTY;
    }
    private static final int HBL_ERROR_INVALID_VALUE = (int)4L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_INVALID_VALUE = 4
     * }
     */
    public static int HBL_ERROR_INVALID_VALUE() {
        return HBL_ERROR_INVALID_VALUE;
    }
    private static final int HBL_ERROR_NOT_INITIALIZED = (int)5L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_NOT_INITIALIZED = 5
     * }
     */
    public static int HBL_ERROR_NOT_INITIALIZED() {
        return HBL_ERROR_NOT_INITIALIZED;
    }
    private static final int HBL_ERROR_ALREADY_INITIALIZED = (int)6L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_ALREADY_INITIALIZED = 6
     * }
     */
    public static int HBL_ERROR_ALREADY_INITIALIZED() {
        return HBL_ERROR_ALREADY_INITIALIZED;
    }
    private static final int HBL_ERROR_CALIBRATION_FILE = (int)7L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_CALIBRATION_FILE = 7
     * }
     */
    public static int HBL_ERROR_CALIBRATION_FILE() {
        return HBL_ERROR_CALIBRATION_FILE;
    }
    private static final int HBL_ERROR_UNKNOWN_VARIATION = (int)8L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_UNKNOWN_VARIATION = 8
     * }
     */
    public static int HBL_ERROR_UNKNOWN_VARIATION() {
        return HBL_ERROR_UNKNOWN_VARIATION;
    }
    private static final int HBL_ERROR_WRONG_TOOL_TYPE = (int)9L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_WRONG_TOOL_TYPE = 9
     * }
     */
    public static int HBL_ERROR_WRONG_TOOL_TYPE() {
        return HBL_ERROR_WRONG_TOOL_TYPE;
    }
    private static final int HBL_ERROR_INVALID_BATCH = (int)10L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_INVALID_BATCH = 10
     * }
     */
    public static int HBL_ERROR_INVALID_BATCH() {
        return HBL_ERROR_INVALID_BATCH;
    }
    private static final int HBL_ERROR_INTERNAL = (int)11L;
    /**
     * {@snippet lang=c :
     * enum hbl_status.HBL_ERROR_INTERNAL = 11
     * }
     */
    public static int HBL_ERROR_INTERNAL() {
        return HBL_ERROR_INTERNAL;
    }
    private static final int HBL_ELECTRON = (int)11L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_type.HBL_ELECTRON = 11
     * }
     */
    public static int HBL_ELECTRON() {
        return HBL_ELECTRON;
    }
    private static final int HBL_MUON = (int)13L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_type.HBL_MUON = 13
     * }
     */
    public static int HBL_MUON() {
        return HBL_MUON;
    }
    private static final int HBL_CUT_FLAVOUR = (int)1L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_FLAVOUR = 1
     * }
     */
    public static int HBL_CUT_FLAVOUR() {
        return HBL_CUT_FLAVOUR;
    }
    private static final int HBL_CUT_PT = (int)2L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_PT = 2
     * }
     */
    public static int HBL_CUT_PT() {
        return HBL_CUT_PT;
    }
    private static final int HBL_CUT_ETA = (int)4L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_ETA = 4
     * }
     */
    public static int HBL_CUT_ETA() {
        return HBL_CUT_ETA;
    }
    private static final int HBL_CUT_D0_SIGNIFICANCE = (int)8L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_D0_SIGNIFICANCE = 8
     * }
     */
    public static int HBL_CUT_D0_SIGNIFICANCE() {
        return HBL_CUT_D0_SIGNIFICANCE;
    }
    private static final int HBL_CUT_Z0_SIN_THETA = (int)16L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_Z0_SIN_THETA = 16
     * }
     */
    public static int HBL_CUT_Z0_SIN_THETA() {
        return HBL_CUT_Z0_SIN_THETA;
    }
    private static final int HBL_CUT_PTCONE30 = (int)32L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_PTCONE30 = 32
     * }
     */
    public static int HBL_CUT_PTCONE30() {
        return HBL_CUT_PTCONE30;
    }
    private static final int HBL_CUT_ETCONE20 = (int)64L;
    /**
     * {@snippet lang=c :
     * enum hbl_lepton_cut.HBL_CUT_ETCONE20 = 64
     * }
     */
    public static int HBL_CUT_ETCONE20() {
        return HBL_CUT_ETCONE20;
    }
    private static final int HBL_EVENT_TOO_FEW_LEPTONS = (int)1L;
    /**
     * {@snippet lang=c :
     * enum hbl_event_cut.HBL_EVENT_TOO_FEW_LEPTONS = 1
     * }
     */
    public static int HBL_EVENT_TOO_FEW_LEPTONS() {
        return HBL_EVENT_TOO_FEW_LEPTONS;
    }
    private static final int HBL_EVENT_TOO_MANY_LEPTONS = (int)2L;
    /**
     * {@snippet lang=c :
     * enum hbl_event_cut.HBL_EVENT_TOO_MANY_LEPTONS = 2
     * }
     */
    public static int HBL_EVENT_TOO_MANY_LEPTONS() {
        return HBL_EVENT_TOO_MANY_LEPTONS;
    }
    private static final int HBL_EVENT_LEPTON_PT = (int)4L;
    /**
     * {@snippet lang=c :
     * enum hbl_event_cut.HBL_EVENT_LEPTON_PT = 4
     * }
     */
    public static int HBL_EVENT_LEPTON_PT() {
        return HBL_EVENT_LEPTON_PT;
    }
    private static final int HBL_EVENT_CHARGE = (int)8L;
    /**
     * {@snippet lang=c :
     * enum hbl_event_cut.HBL_EVENT_CHARGE = 8
     * }
     */
    public static int HBL_EVENT_CHARGE() {
        return HBL_EVENT_CHARGE;
    }
    private static final int HBL_EVENT_FLAVOUR = (int)16L;
    /**
     * {@snippet lang=c :
     * enum hbl_event_cut.HBL_EVENT_FLAVOUR = 16
     * }
     */
    public static int HBL_EVENT_FLAVOUR() {
        return HBL_EVENT_FLAVOUR;
    }
    private static final int HBL_CHANNEL_NONE = (int)0L;
    /**
     * {@snippet lang=c :
     * enum hbl_channel.HBL_CHANNEL_NONE = 0
     * }
     */
    public static int HBL_CHANNEL_NONE() {
        return HBL_CHANNEL_NONE;
    }
    private static final int HBL_CHANNEL_4E = (int)1L;
    /**
     * {@snippet lang=c :
     * enum hbl_channel.HBL_CHANNEL_4E = 1
     * }
     */
    public static int HBL_CHANNEL_4E() {
        return HBL_CHANNEL_4E;
    }
    private static final int HBL_CHANNEL_4MU = (int)2L;
    /**
     * {@snippet lang=c :
     * enum hbl_channel.HBL_CHANNEL_4MU = 2
     * }
     */
    public static int HBL_CHANNEL_4MU() {
        return HBL_CHANNEL_4MU;
    }
    private static final int HBL_CHANNEL_2E2MU = (int)3L;
    /**
     * {@snippet lang=c :
     * enum hbl_channel.HBL_CHANNEL_2E2MU = 3
     * }
     */
    public static int HBL_CHANNEL_2E2MU() {
        return HBL_CHANNEL_2E2MU;
    }

    private static class hbl_version {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_version");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint32_t hbl_version()
     * }
     */
    public static FunctionDescriptor hbl_version$descriptor() {
        return hbl_version.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint32_t hbl_version()
     * }
     */
    public static MethodHandle hbl_version$handle() {
        return hbl_version.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint32_t hbl_version()
     * }
     */
    public static MemorySegment hbl_version$address() {
        return hbl_version.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint32_t hbl_version()
     * }
     */
    public static int hbl_version() {
        var mh$ = hbl_version.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_version");
            }
            return (int)mh$.invokeExact();
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_is_error {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_INT
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_is_error");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_is_error(int32_t status)
     * }
     */
    public static FunctionDescriptor hbl_is_error$descriptor() {
        return hbl_is_error.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_is_error(int32_t status)
     * }
     */
    public static MethodHandle hbl_is_error$handle() {
        return hbl_is_error.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_is_error(int32_t status)
     * }
     */
    public static MemorySegment hbl_is_error$address() {
        return hbl_is_error.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_is_error(int32_t status)
     * }
     */
    public static int hbl_is_error(int status) {
        var mh$ = hbl_is_error.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_is_error", status);
            }
            return (int)mh$.invokeExact(status);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_status_name {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_POINTER,
            hbl_h.C_INT
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_status_name");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char * hbl_status_name(int32_t status)
     * }
     */
    public static FunctionDescriptor hbl_status_name$descriptor() {
        return hbl_status_name.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char * hbl_status_name(int32_t status)
     * }
     */
    public static MethodHandle hbl_status_name$handle() {
        return hbl_status_name.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char * hbl_status_name(int32_t status)
     * }
     */
    public static MemorySegment hbl_status_name$address() {
        return hbl_status_name.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char * hbl_status_name(int32_t status)
     * }
     */
    public static MemorySegment hbl_status_name(int status) {
        var mh$ = hbl_status_name.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_status_name", status);
            }
            return (MemorySegment)mh$.invokeExact(status);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_tool_create {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_tool_create");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_tool_create(const char *type, const char *name, hbl_tool **out)
     * }
     */
    public static FunctionDescriptor hbl_tool_create$descriptor() {
        return hbl_tool_create.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_tool_create(const char *type, const char *name, hbl_tool **out)
     * }
     */
    public static MethodHandle hbl_tool_create$handle() {
        return hbl_tool_create.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_tool_create(const char *type, const char *name, hbl_tool **out)
     * }
     */
    public static MemorySegment hbl_tool_create$address() {
        return hbl_tool_create.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_tool_create(const char *type, const char *name, hbl_tool **out)
     * }
     */
    public static int hbl_tool_create(MemorySegment type, MemorySegment name, MemorySegment out) {
        var mh$ = hbl_tool_create.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_tool_create", type, name, out);
            }
            return (int)mh$.invokeExact(type, name, out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_tool_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_tool_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void hbl_tool_free(hbl_tool *tool)
     * }
     */
    public static FunctionDescriptor hbl_tool_free$descriptor() {
        return hbl_tool_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void hbl_tool_free(hbl_tool *tool)
     * }
     */
    public static MethodHandle hbl_tool_free$handle() {
        return hbl_tool_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void hbl_tool_free(hbl_tool *tool)
     * }
     */
    public static MemorySegment hbl_tool_free$address() {
        return hbl_tool_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void hbl_tool_free(hbl_tool *tool)
     * }
     */
    public static void hbl_tool_free(MemorySegment tool) {
        var mh$ = hbl_tool_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_tool_free", tool);
            }
            mh$.invokeExact(tool);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_tool_set_property {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_tool_set_property");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_tool_set_property(hbl_tool *tool, const char *name, const char *value)
     * }
     */
    public static FunctionDescriptor hbl_tool_set_property$descriptor() {
        return hbl_tool_set_property.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_tool_set_property(hbl_tool *tool, const char *name, const char *value)
     * }
     */
    public static MethodHandle hbl_tool_set_property$handle() {
        return hbl_tool_set_property.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_tool_set_property(hbl_tool *tool, const char *name, const char *value)
     * }
     */
    public static MemorySegment hbl_tool_set_property$address() {
        return hbl_tool_set_property.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_tool_set_property(hbl_tool *tool, const char *name, const char *value)
     * }
     */
    public static int hbl_tool_set_property(MemorySegment tool, MemorySegment name, MemorySegment value) {
        var mh$ = hbl_tool_set_property.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_tool_set_property", tool, name, value);
            }
            return (int)mh$.invokeExact(tool, name, value);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_tool_initialize {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_tool_initialize");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_tool_initialize(hbl_tool *tool)
     * }
     */
    public static FunctionDescriptor hbl_tool_initialize$descriptor() {
        return hbl_tool_initialize.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_tool_initialize(hbl_tool *tool)
     * }
     */
    public static MethodHandle hbl_tool_initialize$handle() {
        return hbl_tool_initialize.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_tool_initialize(hbl_tool *tool)
     * }
     */
    public static MemorySegment hbl_tool_initialize$address() {
        return hbl_tool_initialize.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_tool_initialize(hbl_tool *tool)
     * }
     */
    public static int hbl_tool_initialize(MemorySegment tool) {
        var mh$ = hbl_tool_initialize.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_tool_initialize", tool);
            }
            return (int)mh$.invokeExact(tool);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_tool_last_error {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_tool_last_error");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char * hbl_tool_last_error(const hbl_tool *tool)
     * }
     */
    public static FunctionDescriptor hbl_tool_last_error$descriptor() {
        return hbl_tool_last_error.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char * hbl_tool_last_error(const hbl_tool *tool)
     * }
     */
    public static MethodHandle hbl_tool_last_error$handle() {
        return hbl_tool_last_error.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char * hbl_tool_last_error(const hbl_tool *tool)
     * }
     */
    public static MemorySegment hbl_tool_last_error$address() {
        return hbl_tool_last_error.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char * hbl_tool_last_error(const hbl_tool *tool)
     * }
     */
    public static MemorySegment hbl_tool_last_error(MemorySegment tool) {
        var mh$ = hbl_tool_last_error.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_tool_last_error", tool);
            }
            return (MemorySegment)mh$.invokeExact(tool);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_calibration_variation_count {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_calibration_variation_count");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_count(const hbl_tool *tool, int32_t *count_out)
     * }
     */
    public static FunctionDescriptor hbl_calibration_variation_count$descriptor() {
        return hbl_calibration_variation_count.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_count(const hbl_tool *tool, int32_t *count_out)
     * }
     */
    public static MethodHandle hbl_calibration_variation_count$handle() {
        return hbl_calibration_variation_count.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_count(const hbl_tool *tool, int32_t *count_out)
     * }
     */
    public static MemorySegment hbl_calibration_variation_count$address() {
        return hbl_calibration_variation_count.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_count(const hbl_tool *tool, int32_t *count_out)
     * }
     */
    public static int hbl_calibration_variation_count(MemorySegment tool, MemorySegment count_out) {
        var mh$ = hbl_calibration_variation_count.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_calibration_variation_count", tool, count_out);
            }
            return (int)mh$.invokeExact(tool, count_out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_calibration_variation_name {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_INT,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_calibration_variation_name");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_name(const hbl_tool *tool, int32_t index, const char **name_out)
     * }
     */
    public static FunctionDescriptor hbl_calibration_variation_name$descriptor() {
        return hbl_calibration_variation_name.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_name(const hbl_tool *tool, int32_t index, const char **name_out)
     * }
     */
    public static MethodHandle hbl_calibration_variation_name$handle() {
        return hbl_calibration_variation_name.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_name(const hbl_tool *tool, int32_t index, const char **name_out)
     * }
     */
    public static MemorySegment hbl_calibration_variation_name$address() {
        return hbl_calibration_variation_name.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_calibration_variation_name(const hbl_tool *tool, int32_t index, const char **name_out)
     * }
     */
    public static int hbl_calibration_variation_name(MemorySegment tool, int index, MemorySegment name_out) {
        var mh$ = hbl_calibration_variation_name.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_calibration_variation_name", tool, index, name_out);
            }
            return (int)mh$.invokeExact(tool, index, name_out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_calibrate_leptons {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_LONG,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_calibrate_leptons");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_calibrate_leptons(hbl_tool *tool, const char *variation, int64_t n_events, const int32_t *offsets, const int32_t *event_number, const uint32_t *type, const float *pt, const float *eta, const float *e, float *pt_out, float *e_out)
     * }
     */
    public static FunctionDescriptor hbl_calibrate_leptons$descriptor() {
        return hbl_calibrate_leptons.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_calibrate_leptons(hbl_tool *tool, const char *variation, int64_t n_events, const int32_t *offsets, const int32_t *event_number, const uint32_t *type, const float *pt, const float *eta, const float *e, float *pt_out, float *e_out)
     * }
     */
    public static MethodHandle hbl_calibrate_leptons$handle() {
        return hbl_calibrate_leptons.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_calibrate_leptons(hbl_tool *tool, const char *variation, int64_t n_events, const int32_t *offsets, const int32_t *event_number, const uint32_t *type, const float *pt, const float *eta, const float *e, float *pt_out, float *e_out)
     * }
     */
    public static MemorySegment hbl_calibrate_leptons$address() {
        return hbl_calibrate_leptons.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_calibrate_leptons(hbl_tool *tool, const char *variation, int64_t n_events, const int32_t *offsets, const int32_t *event_number, const uint32_t *type, const float *pt, const float *eta, const float *e, float *pt_out, float *e_out)
     * }
     */
    public static int hbl_calibrate_leptons(MemorySegment tool, MemorySegment variation, long n_events, MemorySegment offsets, MemorySegment event_number, MemorySegment type, MemorySegment pt, MemorySegment eta, MemorySegment e, MemorySegment pt_out, MemorySegment e_out) {
        var mh$ = hbl_calibrate_leptons.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_calibrate_leptons", tool, variation, n_events, offsets, event_number, type, pt, eta, e, pt_out, e_out);
            }
            return (int)mh$.invokeExact(tool, variation, n_events, offsets, event_number, type, pt, eta, e, pt_out, e_out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_select_leptons {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_LONG,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_select_leptons");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_select_leptons(hbl_tool *tool, int64_t n_leptons, const uint32_t *type, const float *pt, const float *eta, const float *ptcone30, const float *etcone20, const float *d0, const float *d0_sigma, const float *z0, uint32_t *cut_mask_out)
     * }
     */
    public static FunctionDescriptor hbl_select_leptons$descriptor() {
        return hbl_select_leptons.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_select_leptons(hbl_tool *tool, int64_t n_leptons, const uint32_t *type, const float *pt, const float *eta, const float *ptcone30, const float *etcone20, const float *d0, const float *d0_sigma, const float *z0, uint32_t *cut_mask_out)
     * }
     */
    public static MethodHandle hbl_select_leptons$handle() {
        return hbl_select_leptons.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_select_leptons(hbl_tool *tool, int64_t n_leptons, const uint32_t *type, const float *pt, const float *eta, const float *ptcone30, const float *etcone20, const float *d0, const float *d0_sigma, const float *z0, uint32_t *cut_mask_out)
     * }
     */
    public static MemorySegment hbl_select_leptons$address() {
        return hbl_select_leptons.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_select_leptons(hbl_tool *tool, int64_t n_leptons, const uint32_t *type, const float *pt, const float *eta, const float *ptcone30, const float *etcone20, const float *d0, const float *d0_sigma, const float *z0, uint32_t *cut_mask_out)
     * }
     */
    public static int hbl_select_leptons(MemorySegment tool, long n_leptons, MemorySegment type, MemorySegment pt, MemorySegment eta, MemorySegment ptcone30, MemorySegment etcone20, MemorySegment d0, MemorySegment d0_sigma, MemorySegment z0, MemorySegment cut_mask_out) {
        var mh$ = hbl_select_leptons.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_select_leptons", tool, n_leptons, type, pt, eta, ptcone30, etcone20, d0, d0_sigma, z0, cut_mask_out);
            }
            return (int)mh$.invokeExact(tool, n_leptons, type, pt, eta, ptcone30, etcone20, d0, d0_sigma, z0, cut_mask_out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class hbl_build_candidates {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
            hbl_h.C_INT,
            hbl_h.C_POINTER,
            hbl_h.C_LONG,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER,
            hbl_h.C_POINTER
        );

        public static final MemorySegment ADDR = hbl_h.findOrThrow("hbl_build_candidates");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t hbl_build_candidates(hbl_tool *tool, int64_t n_events, const int32_t *offsets, const uint32_t *type, const int32_t *charge, const float *pt, const float *eta, const float *phi, const float *e, const uint32_t *lepton_mask, uint32_t *event_mask_out, int32_t *channel_out, double *m4l_out, double *m12_out, double *m34_out, int32_t *lepton_index_out)
     * }
     */
    public static FunctionDescriptor hbl_build_candidates$descriptor() {
        return hbl_build_candidates.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t hbl_build_candidates(hbl_tool *tool, int64_t n_events, const int32_t *offsets, const uint32_t *type, const int32_t *charge, const float *pt, const float *eta, const float *phi, const float *e, const uint32_t *lepton_mask, uint32_t *event_mask_out, int32_t *channel_out, double *m4l_out, double *m12_out, double *m34_out, int32_t *lepton_index_out)
     * }
     */
    public static MethodHandle hbl_build_candidates$handle() {
        return hbl_build_candidates.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t hbl_build_candidates(hbl_tool *tool, int64_t n_events, const int32_t *offsets, const uint32_t *type, const int32_t *charge, const float *pt, const float *eta, const float *phi, const float *e, const uint32_t *lepton_mask, uint32_t *event_mask_out, int32_t *channel_out, double *m4l_out, double *m12_out, double *m34_out, int32_t *lepton_index_out)
     * }
     */
    public static MemorySegment hbl_build_candidates$address() {
        return hbl_build_candidates.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t hbl_build_candidates(hbl_tool *tool, int64_t n_events, const int32_t *offsets, const uint32_t *type, const int32_t *charge, const float *pt, const float *eta, const float *phi, const float *e, const uint32_t *lepton_mask, uint32_t *event_mask_out, int32_t *channel_out, double *m4l_out, double *m12_out, double *m34_out, int32_t *lepton_index_out)
     * }
     */
    public static int hbl_build_candidates(MemorySegment tool, long n_events, MemorySegment offsets, MemorySegment type, MemorySegment charge, MemorySegment pt, MemorySegment eta, MemorySegment phi, MemorySegment e, MemorySegment lepton_mask, MemorySegment event_mask_out, MemorySegment channel_out, MemorySegment m4l_out, MemorySegment m12_out, MemorySegment m34_out, MemorySegment lepton_index_out) {
        var mh$ = hbl_build_candidates.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("hbl_build_candidates", tool, n_events, offsets, type, charge, pt, eta, phi, e, lepton_mask, event_mask_out, channel_out, m4l_out, m12_out, m34_out, lepton_index_out);
            }
            return (int)mh$.invokeExact(tool, n_events, offsets, type, charge, pt, eta, phi, e, lepton_mask, event_mask_out, channel_out, m4l_out, m12_out, m34_out, lepton_index_out);
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
}
