package org.hepbridge.root;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A ROOT file could not be read: it is missing, not a ROOT file, truncated, corrupt, or asks
 * for something the reader does not know.
 *
 * <p>The message has the form {@code "file: object: what (offset N)"}: the file, the object being
 * decoded (key, branch, basket), what was wrong with the offending values, and the byte offset
 * where the problem was found. The offset is a file offset when the bytes were read straight from
 * the file, and an offset inside the decompressed payload when the object name says "payload".
 */
public class RootIOException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Offset not known or not meaningful. */
    public static final long NO_OFFSET = -1;

    /**
     * Creates an exception with the standard message layout.
     *
     * @param file the file (may be null when unknown)
     * @param object the object being decoded, e.g. {@code "TTree 'mini'"}
     * @param what what went wrong, with the offending values
     * @param offset byte offset, or {@link #NO_OFFSET}
     */
    public RootIOException(Path file, String object, String what, long offset) {
        super(format(file, object, what, offset));
    }

    /** Same as {@link #RootIOException(Path, String, String, long)}, keeping a cause. */
    public RootIOException(Path file, String object, String what, long offset, Throwable cause) {
        super(format(file, object, what, offset), cause);
    }

    static String format(Path file, String object, String what, long offset) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<unknown file>" : file.toString());
        if (object != null && !object.isEmpty()) {
            sb.append(": ").append(object);
        }
        sb.append(": ").append(what);
        if (offset >= 0) {
            sb.append(" (offset ").append(offset).append(')');
        }
        return sb.toString();
    }
}
