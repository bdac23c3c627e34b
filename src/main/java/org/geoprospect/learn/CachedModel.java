package org.geoprospect.learn;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A caller's use of a model held by {@link ModelCache}: the model stays open until this is closed, even if the
 * cache evicts it meanwhile. Close it (try-with-resources) when done; closing twice releases once. Use the model
 * only while this is open.
 */
public final class CachedModel implements AutoCloseable {
    private final String id;
    private final Ensemble model;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    CachedModel(String id, Ensemble model, Runnable release) {
        this.id = id;
        this.model = model;
        this.release = release;
    }

    /** @return the model's identifier in the cache */
    public String id() {
        return id;
    }

    /** @return the model's members, on DJL's default device; do not close it, close this instead */
    public Ensemble model() {
        return model;
    }

    /** Releases this use; the cache closes an evicted model when its last use is released. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
