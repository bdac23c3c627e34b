package org.geoprospect.learn;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model store and the in-process cache in front of it. One library per store folder per JVM
 * ({@link #at(Path)}), so every process — trainModel putting a fresh model in, predictTargets taking it out — shares
 * the same cache. The cache's memory budget is {@value #DEFAULT_BUDGET_BYTES} bytes unless the system property
 * {@code geoprospect.modelCacheBytes} says otherwise. Thread-safe.
 */
public final class ModelLibrary {
    static final long DEFAULT_BUDGET_BYTES = 2L << 30;
    private static final Map<Path, ModelLibrary> LIBRARIES = new ConcurrentHashMap<>();

    private final ModelStore store;
    private final ModelCache cache;

    private ModelLibrary(Path folder) {
        this.store = new ModelStore(folder);
        this.cache = new ModelCache(Long.getLong("geoprospect.modelCacheBytes", DEFAULT_BUDGET_BYTES), store::load);
    }

    /** The library of a store folder, the same object for the same folder. */
    public static ModelLibrary at(Path folder) {
        return LIBRARIES.computeIfAbsent(folder.toAbsolutePath().normalize(), ModelLibrary::new);
    }

    public ModelStore store() {
        return store;
    }

    public ModelCache cache() {
        return cache;
    }
}
