package org.hepbridge.python;

/**
 * A column handed to a Java API has the wrong Arrow type. The message names the component,
 * the column, the type received and the type(s) expected, in pyarrow's spelling.
 */
public final class ColumnTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    public ColumnTypeException(String component, String column, String actual, String expected) {
        super(component + ": column '" + column + "' has type " + actual + ", expected "
                + expected);
        this.expected = expected;
        this.actual = actual;
    }

    /** The accepted type(s), e.g. {@code "bool"}. */
    public String expected() {
        return expected;
    }

    /** The type received, e.g. {@code "int64"}. */
    public String actual() {
        return actual;
    }
}
