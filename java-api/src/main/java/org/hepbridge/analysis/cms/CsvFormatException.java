package org.hepbridge.analysis.cms;

import java.io.IOException;

/** A CSV input of the CMS analysis does not have the expected layout; the message says where. */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CsvFormatException(String message) {
        super(message);
    }
}
