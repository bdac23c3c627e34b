package org.geoprospect.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that a host sets and long work polls between units of work. Thread-safe. */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** A token that is never cancelled, for callers that do not cancel. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }

    /** @throws CancelledException if cancellation was requested */
    public void check() {
        if (requested.get()) {
            throw new CancelledException();
        }
    }
}
