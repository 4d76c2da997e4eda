package org.hepbridge.python;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/** Formats an exception raised by a Python script like CPython's traceback, innermost last. */
final class GuestTraceback {
    private GuestTraceback() {
    }

    static String format(PolyglotException e) {
        StringBuilder text = new StringBuilder("Traceback (most recent call last):\n");
        java.util.List<String> frames = new java.util.ArrayList<>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                SourceSection where = frame.getSourceLocation();
                frames.add("  File \"" + where.getSource().getPath() + "\", line "
                        + where.getStartLine() + ", in " + frame.getRootName());
            }
        }
        java.util.Collections.reverse(frames);
        frames.forEach(f -> text.append(f).append('\n'));
        return text.append(e.getMessage()).toString();
    }
}
