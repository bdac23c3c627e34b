package org.geoprospect.server.layers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What was read from layer files (features, rasters), kept so that paging or panning does not read a big file for
 * every request. A published layer's file never changes, so an entry stays valid for as long as its layer; it is
 * keyed by the file and the layer's creation time, so a layer deleted and published again under the same name is
 * read anew. The least recently used entries go when the estimated size passes the budget; a file whose contents
 * alone exceed it is read for each request and not kept. Two requests for the same missing file may both read it.
 * Thread-safe.
 *
 * @param <V> what a file is read into
 */
public final class LayerFileCache<V> {
    /** Reads a layer file. */
    @FunctionalInterface
    public interface Reader<V> {
        V read(Path file) throws IOException;
    }

    private record Key(Path file, Instant created) {
    }

    private final long budget;
    private final ToLongFunction<V> bytes;
    private final LinkedHashMap<Key, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    /**
     * @param budget largest estimated total in bytes
     * @param bytes  the estimated size of a value in bytes
     */
    public LayerFileCache(long budget, ToLongFunction<V> bytes) {
        this.budget = budget;
        this.bytes = bytes;
    }

    /** A budget of an eighth of the heap: room for the requests' own work beside it. */
    public static long defaultBudget() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /** @return what {@code reader} makes of the layer's file, from memory when it was read before */
    public V get(Layer layer, Path file, Reader<V> reader) throws IOException {
        Key key = new Key(file, layer.created());
        synchronized (this) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = reader.read(file);
        long size = bytes.applyAsLong(value);
        if (size > budget) {
            return value;
        }
        synchronized (this) {
            if (entries.putIfAbsent(key, value) == null) {
                used += size;
                for (Iterator<Map.Entry<Key, V>> i = entries.entrySet().iterator(); used > budget && i.hasNext(); ) {
                    used -= bytes.applyAsLong(i.next().getValue());
                    i.remove();
                }
            }
            return entries.get(key);
        }
    }
}
