package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The in-process cache of models that every process shares, so that a model is loaded once and its native memory
 * is bounded. Thread-safe.
 * <p>
 * {@link #get} loads a model at most once however many threads ask for it at the same time (the others wait for
 * that load). The cache owns its models: when their estimated size ({@link #sizeOf}: parameter values × bytes per
 * value) exceeds the memory budget, the least recently used ones are evicted, and each evicted model is closed as
 * soon as no {@link CachedModel} of it is open — never under a caller's feet. A model evicted while in use keeps
 * its memory until it is released, and is not counted against the budget meanwhile; a model larger than the whole
 * budget is still kept, alone. Models sit on DJL's default device: the GPU when there is one, else the CPU.
 */
public final class ModelCache implements AutoCloseable {
    /** Loads a model by identifier, e.g. {@code store::load}. */
    @FunctionalInterface
    public interface Loader {
        Ensemble load(String id) throws IOException;
    }

    private final long budgetBytes;
    private final Loader loader;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /**
     * @param budgetBytes the memory the cached models may take, in bytes
     * @param loader      loads a model that is not cached
     */
    public ModelCache(long budgetBytes, Loader loader) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the memory budget must not be negative, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        this.loader = loader;
    }

    /**
     * @param id the model
     * @return a use of the model, loaded now unless cached; close it when done
     * @throws IOException from the loader; a failed load is not cached, the next call tries again
     */
    public CachedModel get(String id) throws IOException {
        Entry entry;
        boolean loading = false;
        synchronized (this) {
            checkOpen();
            entry = entries.get(id);
            if (entry == null) {
                entry = new Entry(id);
                entries.put(id, entry);
                loading = true;
            }
            entry.users++; // before loading, so that the entry cannot be closed before its first use
        }
        if (loading) {
            load(entry);
        }
        try {
            return entry.use(entry.model.join());
        } catch (CompletionException e) {
            entry.release();
            throw rethrow(e.getCause());
        }
    }

    /**
     * Caches a model, typically one just trained, replacing any model cached under the same identifier. The cache
     * owns it from now on and closes it when evicted.
     */
    public void put(String id, Ensemble model) {
        Entry entry = new Entry(id);
        entry.model.complete(model);
        entry.bytes = model.bytes();
        synchronized (this) {
            checkOpen();
            Entry old = entries.put(id, entry);
            if (old != null) {
                old.evict();
            }
            evictOverBudget(entry);
        }
    }

    /** @return the identifiers of the cached models, least recently used first */
    public synchronized List<String> ids() {
        return new ArrayList<>(entries.keySet());
    }

    /**
     * Evicts every model: models not in use are closed now, the others when their last use is released. Later
     * calls to {@link #get} and {@link #put} fail.
     */
    @Override
    public synchronized void close() {
        closed = true;
        for (Entry entry : entries.values()) {
            entry.evict();
        }
        entries.clear();
    }

    /** @return the model's estimated memory: its parameter values (weights and running statistics) × their size */
    public static long sizeOf(Model model) {
        long bytes = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().isInitialized()) {
                bytes += p.getValue().getArray().size() * p.getValue().getArray().getDataType().getNumOfBytes();
            }
        }
        return bytes;
    }

    private void load(Entry entry) {
        try {
            Ensemble model = loader.load(entry.id);
            entry.bytes = model.bytes();
            synchronized (this) {
                entry.model.complete(model);
                if (entries.get(entry.id) == entry) {
                    evictOverBudget(entry);
                } else {
                    entry.evict(); // the cache was closed or the entry replaced while loading
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(entry.id, entry);
                entry.model.completeExceptionally(e);
            }
        }
    }

    private void evictOverBudget(Entry newest) {
        long total = 0;
        for (Entry e : entries.values()) {
            total += e.bytes;
        }
        var it = entries.values().iterator();
        while (total > budgetBytes && it.hasNext()) {
            Entry e = it.next();
            if (e != newest && e.model.isDone()) {
                it.remove();
                total -= e.bytes;
                e.evict();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the model cache is closed");
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause); // a Loader throws nothing else
    }

    /** A cached (or evicted but still used) model; its counters are guarded by the cache's lock. */
    private final class Entry {
        final String id;
        final CompletableFuture<Ensemble> model = new CompletableFuture<>();
        volatile long bytes;
        int users;
        boolean evicted;

        Entry(String id) {
            this.id = id;
        }

        CachedModel use(Ensemble m) {
            return new CachedModel(id, m, this::release);
        }

        void release() {
            synchronized (ModelCache.this) {
                users--;
                closeIfUnused();
            }
        }

        void evict() {
            evicted = true;
            closeIfUnused();
        }

        private void closeIfUnused() {
            if (evicted && users == 0 && model.isDone() && !model.isCompletedExceptionally()) {
                model.join().close();
            }
        }
    }
}
