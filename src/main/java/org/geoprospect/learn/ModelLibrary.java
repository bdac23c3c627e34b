package org.geoprospect.learn;

import java.nio.file.Path;

/**
 * A model store and the in-process cache in front of it: a host resource. The host opens one for its lifetime (a
 * server or a worker for its store, the command line for one run) and hands it to every process through the
 * {@code ProcessContext}, so that trainModel putting a fresh model in and predictTargets taking it out share the
 * cache; closing it frees the cached models' native memory. The cache's memory budget is
 * {@value #DEFAULT_BUDGET_BYTES} bytes unless the system property {@code geoprospect.modelCacheBytes} says
 * otherwise. Thread-safe.
 */
public final class ModelLibrary implements AutoCloseable {
    static final long DEFAULT_BUDGET_BYTES = 2L << 30;

    private final ModelStore store;
    private final ModelCache cache;

    /** @param folder the model store's folder */
    public ModelLibrary(Path folder) {
        this.store = new ModelStore(folder);
        this.cache = new ModelCache(Long.getLong("geoprospect.modelCacheBytes", DEFAULT_BUDGET_BYTES), store::load);
    }

    public ModelStore store() {
        return store;
    }

    public ModelCache cache() {
        return cache;
    }

    /** Closes the cache: cached models free their native memory once no prediction uses them. */
    @Override
    public void close() {
        cache.close();
    }
}
