package org.geoprospect.learn;

import ai.djl.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCacheTest {
    /** Builds small networks, counting loads per id and keeping every model it made. */
    private static final class CountingLoader implements ModelCache.Loader {
        final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
        final List<Model> made = new CopyOnWriteArrayList<>();
        volatile long delayMillis;

        @Override
        public Ensemble load(String id) throws IOException {
            loads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (id.startsWith("missing")) {
                throw new IOException("no such model " + id);
            }
            Model model = Networks.newModel(TestManifests.SMALL);
            made.add(model);
            return Ensemble.of(model, Calibration.NONE);
        }

        int loads(String id) {
            return loads.getOrDefault(id, new AtomicInteger()).get();
        }
    }

    private final CountingLoader loader = new CountingLoader();
    private final long oneModel = sizeOfOne();

    @AfterEach
    void closeAll() {
        loader.made.forEach(Model::close);
    }

    @Test
    void estimatesTheParametersBytes() {
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            assertTrue(oneModel >= 4 * Networks.trainableParameters(model.getBlock()), "" + oneModel);
        }
    }

    @Test
    void loadsEachModelOnceUnderConcurrentRequests() throws Exception {
        loader.delayMillis = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (ModelCache cache = new ModelCache(10 * oneModel, loader)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CachedModel>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                uses.add(pool.submit(() -> {
                    start.await();
                    return cache.get("a");
                }));
            }
            start.countDown();
            List<CachedModel> got = new ArrayList<>();
            for (Future<CachedModel> use : uses) {
                got.add(use.get());
            }
            assertEquals(1, loader.loads("a"));
            for (CachedModel use : got) {
                assertSame(loader.made.get(0), network(use));
                use.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheBudgetAndClosesIt() throws IOException {
        try (ModelCache cache = new ModelCache(2 * oneModel, loader)) {
            use(cache, "a");
            use(cache, "b");
            use(cache, "a");
            assertEquals(List.of("b", "a"), cache.ids());
            use(cache, "c");
            assertEquals(List.of("a", "c"), cache.ids());
            assertFalse(isOpen(1), "b was evicted and closed");
            assertTrue(isOpen(0) && isOpen(2));
            use(cache, "b");
            assertEquals(List.of("c", "b"), cache.ids());
            assertEquals(2, loader.loads("b"));
            assertEquals(1, loader.loads("a"));
            assertEquals(1, loader.loads("c"));
            assertFalse(isOpen(0), "a was evicted and closed");
        }
    }

    @Test
    void keepsAnEvictedModelOpenUntilItsLastUserIsDone() throws IOException {
        try (ModelCache cache = new ModelCache(oneModel, loader)) {
            CachedModel first = cache.get("a");
            CachedModel second = cache.get("a");
            use(cache, "b");
            assertEquals(List.of("b"), cache.ids());
            assertTrue(network(first).getNDManager().isOpen(), "still in use");
            first.close();
            first.close(); // releases once
            assertTrue(network(second).getNDManager().isOpen(), "still in use by the second");
            second.close();
            assertFalse(network(second).getNDManager().isOpen());
        }
    }

    @Test
    void servesAPutModelWithoutLoading() throws IOException {
        Model trained = Networks.newModel(TestManifests.SMALL);
        try (ModelCache cache = new ModelCache(oneModel, loader)) {
            cache.put("trained", Ensemble.of(trained, Calibration.NONE));
            try (CachedModel use = cache.get("trained")) {
                assertSame(trained, network(use));
            }
            assertEquals(0, loader.loads("trained"));
            use(cache, "other");
            assertFalse(trained.getNDManager().isOpen(), "the cache owns and closed it");
        }
    }

    @Test
    void closeClosesIdleModelsNowAndUsedOnesOnRelease() throws IOException {
        ModelCache cache = new ModelCache(10 * oneModel, loader);
        use(cache, "a");
        CachedModel b = cache.get("b");
        cache.close();
        assertFalse(isOpen(0));
        assertTrue(isOpen(1));
        b.close();
        assertFalse(isOpen(1));
        assertThrows(IllegalStateException.class, () -> cache.get("a"));
    }

    @Test
    void aFailedLoadIsNotCached() throws IOException {
        try (ModelCache cache = new ModelCache(oneModel, loader)) {
            assertEquals("no such model missing",
                    assertThrows(IOException.class, () -> cache.get("missing")).getMessage());
            assertThrows(IOException.class, () -> cache.get("missing"));
            assertEquals(2, loader.loads("missing"));
            assertEquals(List.of(), cache.ids());
        }
    }

    private static void use(ModelCache cache, String id) throws IOException {
        try (CachedModel ignored = cache.get(id)) {
            assertEquals(id, ignored.id());
        }
    }

    private boolean isOpen(int made) {
        return loader.made.get(made).getNDManager().isOpen();
    }

    private static Model network(CachedModel use) {
        return ((Ensemble.NetworkMember) use.model().members().get(0)).model();
    }

    private static long sizeOfOne() {
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            return ModelCache.sizeOf(model);
        }
    }
}
