package org.hepbridge.legacy;

/**
 * A failed call of a legacy tool: the tool's status code and the native message.
 * The message reads {@code "<tool name>: <STATUS_NAME>: <native text>"}.
 */
public final class LegacyToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status status;
    private final String toolName;
    private final String nativeMessage;

    public LegacyToolException(Status status, String toolName, String nativeMessage) {
        super(toolName + ": " + status.cName() + ": " + nativeMessage);
        this.status = status;
        this.toolName = toolName;
        this.nativeMessage = nativeMessage;
    }

    public Status status() {
        return status;
    }

    public String toolName() {
        return toolName;
    }

    /** The text the native tool gave (hbl_tool_last_error). */
    public String nativeMessage() {
        return nativeMessage;
    }
}
