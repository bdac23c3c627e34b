package org.geoprospect.core;

/** Thrown by long work that noticed its {@link Cancellation} was requested; nothing half-done is left behind. */
public class CancelledException extends GeoprospectException {
    public CancelledException() {
        super("cancelled");
    }
}
