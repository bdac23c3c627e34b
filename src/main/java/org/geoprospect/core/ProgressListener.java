package org.geoprospect.core;

/**
 * Receives progress of long work: a fraction in [0, 1] and a short human message. Implementations must be
 * thread-safe: parallel work reports from several threads. Hosts render it (a progress bar, WPS percentCompleted).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);

    /** A listener that maps this one's [0, 1] onto [from, to] of the parent's, for a step within a larger job. */
    default ProgressListener slice(double from, double to) {
        ProgressListener parent = this;
        return (fraction, message) -> parent.progress(from + (to - from) * fraction, message);
    }
}
