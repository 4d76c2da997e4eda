package org.hepbridge.legacy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import org.hepbridge.legacy.ffi.hbl_h;

/**
 * A legacy C++ tool (native {@code hbl_tool}) owned from Java.
 *
 * <p>Ownership and lifetime: the object owns the native tool and one shared {@link Arena}
 * holding the strings it passed to it; {@link #close()} frees both (idempotent). Any other
 * call after close throws {@link IllegalStateException}. Not closing leaks the native tool.
 *
 * <p>Thread-safety: the native tools allow one thread at a time; every method of this class
 * and its subclasses is synchronized on the tool, so concurrent calls are serialized (and a
 * close never runs during a downcall). Use one tool per thread for parallel work.
 *
 * <p>Life cycle, as in ATLAS AsgTools: create, {@code setProperty(...)}, {@link
 * #initialize()}, then per-batch calls. Native failures arrive as {@link
 * LegacyToolException} carrying the native message.
 */
public abstract sealed class LegacyTool implements AutoCloseable
        permits CalibrationTool, LeptonSelectionTool, FourLeptonCandidateBuilder {

    private final String type;
    private final String name;
    private final Arena arena;
    private final MemorySegment handle;
    private boolean closed;

    LegacyTool(String type, String name) {
        this.type = type;
        this.name = Objects.requireNonNull(name, "name");
        NativeLibrary.load();
        Arena owned = Arena.ofShared();
        try {
            this.handle = create(owned, type, name);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
        this.arena = owned;
    }

    // The handle is tied to the arena: closing the arena runs hbl_tool_free.
    private static MemorySegment create(Arena arena, String type, String name) {
        MemorySegment out = arena.allocate(hbl_h.C_POINTER);
        int status = hbl_h.hbl_tool_create(arena.allocateFrom(type), arena.allocateFrom(name), out);
        if (status != Status.OK.code()) {
            throw new LegacyToolException(Status.of(status), name,
                    "hbl_tool_create failed for type '" + type + "'");
        }
        return out.get(ValueLayout.ADDRESS, 0).reinterpret(arena, hbl_h::hbl_tool_free);
    }

    /** The instance name given at creation (used in messages). */
    public final String name() {
        return name;
    }

    /** The native tool type, e.g. {@code "LeptonSelectionTool"}. */
    public final String type() {
        return type;
    }

    /**
     * Sets a property from its text form (numbers in the C locale, booleans "true"/"false",
     * lists comma-separated). Allowed before {@link #initialize()} only.
     *
     * @return this tool
     * @throws LegacyToolException UNKNOWN_PROPERTY (the message lists the nearest names),
     *     INVALID_VALUE or ALREADY_INITIALIZED
     */
    public synchronized LegacyTool setProperty(String property, String value) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        MemorySegment tool = handle();
        check(hbl_h.hbl_tool_set_property(tool, arena.allocateFrom(property),
                arena.allocateFrom(value)));
        return this;
    }

    /** Sets a numeric property; the value is passed as {@link Double#toString(double)}. */
    public LegacyTool setProperty(String property, double value) {
        return setProperty(property, Double.toString(value));
    }

    /**
     * Validates the configuration and loads external inputs (calibration file).
     *
     * @throws LegacyToolException e.g. CALIBRATION_FILE naming the file and line
     */
    public synchronized void initialize() {
        check(hbl_h.hbl_tool_initialize(handle()));
    }

    /** Frees the native tool and the tool's strings; later calls are no-ops. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }

    @Override
    public String toString() {
        return type + " '" + name + "'";
    }

    /** {@code text} as a C string that lives as long as the tool; the caller holds the lock. */
    final MemorySegment toolString(String text) {
        handle();
        return arena.allocateFrom(text);
    }

    /** The native handle; the caller must hold the tool's lock. */
    final MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        return handle;
    }

    /** Throws the tool's last native error when {@code status} is not OK. */
    final void check(int status) {
        if (status != Status.OK.code()) {
            String message = hbl_h.hbl_tool_last_error(handle).getString(0);
            throw new LegacyToolException(Status.of(status), name, message);
        }
    }
}
