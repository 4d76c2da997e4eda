package org.hepbridge.legacy;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hepbridge.legacy.ffi.hbl_h;

/**
 * Electron or muon momentum calibration with systematic variations (native
 * ElectronCalibrationTool / MuonCalibrationTool).
 *
 * <p>The nominal ("" or "NOMINAL") is the identity: the 2020 ntuples carry calibrated
 * momenta. Variations are {@code EG_SCALE__1up/__1down}, {@code EG_RESOLUTION__1up/__1down}
 * for electrons and the {@code MUON_} equivalents for muons. Scale variations multiply pT and
 * E by (1 ± s); resolution variations by (1 ± r·g) with g a standard normal drawn
 * reproducibly from the event number and the lepton's index in its event, the same g for up
 * and down ("__1down" is the mirror of "__1up", not a reduced smearing). s and r depend on
 * |eta| and come from the required property {@code CalibrationFile} (see {@link
 * CalibrationFiles#defaultFile()}). Lepton directions are not changed.
 *
 * <p>Lifetime and threading as for every {@link LegacyTool}.
 */
public final class CalibrationTool extends LegacyTool {

    // C strings of the variation names a call has accepted, kept in the tool's arena: a batch
    // call otherwise opened a confined arena and copied the name for every call. Only accepted
    // names are kept, so the map holds at most the tool's variations and the nominal's two
    // spellings. Guarded by the tool's lock.
    private final Map<String, MemorySegment> acceptedVariations = new HashMap<>();

    private CalibrationTool(String type, String name) {
        super(type, name);
    }

    /** A new, unconfigured electron calibration tool. */
    public static CalibrationTool electrons(String name) {
        return new CalibrationTool("ElectronCalibrationTool", name);
    }

    /** A new, unconfigured muon calibration tool. */
    public static CalibrationTool muons(String name) {
        return new CalibrationTool("MuonCalibrationTool", name);
    }

    @Override
    public CalibrationTool setProperty(String property, String value) {
        super.setProperty(property, value);
        return this;
    }

    @Override
    public CalibrationTool setProperty(String property, double value) {
        super.setProperty(property, value);
        return this;
    }

    /** The systematic variations this tool provides (NOMINAL not included); after initialize. */
    public synchronized List<String> variations() {
        MemorySegment tool = handle();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(JAVA_INT);
            check(hbl_h.hbl_calibration_variation_count(tool, count));
            MemorySegment name = call.allocate(hbl_h.C_POINTER);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count.get(JAVA_INT, 0); i++) {
                check(hbl_h.hbl_calibration_variation_name(tool, i, name));
                names.add(name.get(hbl_h.C_POINTER, 0).getString(0));
            }
            return List.copyOf(names);
        }
    }

    /**
     * Applies {@code variation} to the leptons of this tool's flavour in a batch of
     * {@code nEvents} events; other leptons are copied unchanged.
     *
     * <p>Per event: {@code offsets} (int32, nEvents + 1 values; the leptons of event i are
     * [offsets[i], offsets[i+1]) of every per-lepton buffer) and {@code eventNumber} (int32).
     * Per lepton: {@code type} (uint32), {@code pt}, {@code eta}, {@code e} (float, MeV) in;
     * {@code ptOut}, {@code eOut} (float) out, which may be the same segments as pt and e.
     * All segments must be native; they are used in place, never copied.
     *
     * @throws IllegalArgumentException naming the argument when a segment is heap memory,
     *     read-only where written, or too small; a variation name containing a NUL character
     * @throws LegacyToolException UNKNOWN_VARIATION (nearest names listed), INVALID_VALUE (a
     *     lepton's |eta| outside the calibration bins), INVALID_BATCH, NOT_INITIALIZED
     */
    public synchronized void calibrate(String variation, long nEvents, MemorySegment offsets,
            MemorySegment eventNumber, MemorySegment type, MemorySegment pt, MemorySegment eta,
            MemorySegment e, MemorySegment ptOut, MemorySegment eOut) {
        Objects.requireNonNull(variation, "variation");
        if (variation.indexOf('\0') >= 0) {
            // C would read the name only up to the NUL and apply that variation.
            throw new IllegalArgumentException(this + ": variation name '"
                    + variation.replace("\0", "\\0") + "' contains a NUL character");
        }
        MemorySegment tool = handle();
        SegmentChecks checks = new SegmentChecks(this);
        long n = checks.count("nEvents", nEvents);
        long leptons = n == 0 ? 0 : checks.leptonSlots(offsets, n);
        if (n > 0) {
            checks.input("eventNumber", eventNumber, n, JAVA_INT);
            checkLeptonBuffers(checks, leptons, type, pt, eta, e, ptOut, eOut);
            checks.apartFromOffsets("ptOut", ptOut, leptons, JAVA_FLOAT, offsets, n);
            checks.apartFromOffsets("eOut", eOut, leptons, JAVA_FLOAT, offsets, n);
        }
        MemorySegment accepted = acceptedVariations.get(variation);
        if (accepted != null) {
            check(hbl_h.hbl_calibrate_leptons(tool, accepted, n, orNull(n, offsets),
                    orNull(n, eventNumber), orNull(n, type), orNull(n, pt), orNull(n, eta),
                    orNull(n, e), orNull(n, ptOut), orNull(n, eOut)));
            return;
        }
        try (Arena call = Arena.ofConfined()) {
            check(hbl_h.hbl_calibrate_leptons(tool, call.allocateFrom(variation), n,
                    orNull(n, offsets), orNull(n, eventNumber), orNull(n, type), orNull(n, pt),
                    orNull(n, eta), orNull(n, e), orNull(n, ptOut), orNull(n, eOut)));
        }
        // The native side looked the name up first: a call that got here knows it.
        acceptedVariations.put(variation, toolString(variation));
    }

    private static void checkLeptonBuffers(SegmentChecks checks, long leptons, MemorySegment type,
            MemorySegment pt, MemorySegment eta, MemorySegment e, MemorySegment ptOut,
            MemorySegment eOut) {
        checks.input("type", type, leptons, JAVA_INT);
        checks.input("pt", pt, leptons, JAVA_FLOAT);
        checks.input("eta", eta, leptons, JAVA_FLOAT);
        checks.input("e", e, leptons, JAVA_FLOAT);
        checks.output("ptOut", ptOut, leptons, JAVA_FLOAT);
        checks.output("eOut", eOut, leptons, JAVA_FLOAT);
    }

    private static MemorySegment orNull(long n, MemorySegment segment) {
        return SegmentChecks.orNull(n, segment);
    }
}
