package org.hepbridge.data;

import java.io.IOException;

/** An input file the analysis needs is not where the data folder says it should be. */
public final class DataNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataNotFoundException(String message) {
        super(message);
    }
}
