package org.hepbridge.hist;

/** Argument checks shared by the axes, with messages that name the offending value. */
final class Checks {

    private Checks() {
    }

    static String name(String component, String name) {
        if (name == null) {
            throw new IllegalArgumentException(component + ": axis name must not be null");
        }
        return name;
    }

    static String label(String label, String name) {
        return label == null || label.isEmpty() ? name : label;
    }

    static void finite(String component, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                    component + ": " + what + " must be finite, got " + v);
        }
    }
}
