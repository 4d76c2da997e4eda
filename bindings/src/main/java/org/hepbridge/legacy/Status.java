package org.hepbridge.legacy;

import java.util.Arrays;

/** The status codes of the legacy tools' C interface ({@code hbl_status}), values pinned. */
public enum Status {
    OK(0, "HBL_OK"),
    NULL_ARGUMENT(1, "HBL_ERROR_NULL_ARGUMENT"),
    UNKNOWN_TOOL_TYPE(2, "HBL_ERROR_UNKNOWN_TOOL_TYPE"),
    UNKNOWN_PROPERTY(3, "HBL_ERROR_UNKNOWN_PROPERTY"),
    INVALID_VALUE(4, "HBL_ERROR_INVALID_VALUE"),
    NOT_INITIALIZED(5, "HBL_ERROR_NOT_INITIALIZED"),
    ALREADY_INITIALIZED(6, "HBL_ERROR_ALREADY_INITIALIZED"),
    CALIBRATION_FILE(7, "HBL_ERROR_CALIBRATION_FILE"),
    UNKNOWN_VARIATION(8, "HBL_ERROR_UNKNOWN_VARIATION"),
    WRONG_TOOL_TYPE(9, "HBL_ERROR_WRONG_TOOL_TYPE"),
    INVALID_BATCH(10, "HBL_ERROR_INVALID_BATCH"),
    INTERNAL(11, "HBL_ERROR_INTERNAL");

    private final int code;
    private final String cName;

    Status(int code, String cName) {
        this.code = code;
        this.cName = cName;
    }

    /** The numeric value in hbl.h. */
    public int code() {
        return code;
    }

    /** The name of the constant in hbl.h, e.g. {@code HBL_ERROR_CALIBRATION_FILE}. */
    public String cName() {
        return cName;
    }

    /**
     * The status with the given code.
     *
     * @throws IllegalArgumentException for a code hbl.h does not define
     */
    public static Status of(int code) {
        for (Status status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown hbl status code " + code + " (known: "
                + Arrays.stream(values()).map(s -> s.code + " " + s.cName).toList() + ")");
    }
}
