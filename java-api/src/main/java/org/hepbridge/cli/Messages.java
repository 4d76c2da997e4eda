package org.hepbridge.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one-line report a command line prints. */
final class Messages {
    private Messages() {
    }

    /** The message, followed by the messages of distinct causes. */
    static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder(messageOf(exception));
        for (Throwable cause = exception.getCause(); cause != null && cause != exception;
                cause = cause.getCause()) {
            String message = messageOf(cause);
            if (!text.toString().contains(message)) {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }

    private static String messageOf(Throwable exception) {
        // java.nio reports a missing or unreadable file with the bare path as its message.
        if (exception instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (exception instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName()
                : message;
    }
}
