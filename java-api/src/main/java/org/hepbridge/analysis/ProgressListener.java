package org.hepbridge.analysis;

import java.nio.file.Path;

/** Receives progress of a long analysis run; implementations must be cheap and not throw. */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Reading of {@code input} starts; it holds {@code entries} events. */
    default void inputStarted(Path input, long entries) {
    }

    /** {@code done} of the input's {@code entries} events are processed. */
    default void progress(Path input, long done, long entries) {
    }

    /** The input is finished; {@code selected} events passed the selection. */
    default void inputFinished(Path input, long entries, long selected) {
    }
}
