package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelStoreTest {
    @Test
    void savedModelListsAndLoadsWithBitIdenticalOutputs(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        float[] input = new float[2 * 4 * 16 * 16];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i * 0.37);
        }
        float[] saved;
        String id;
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            forward(model, input, true); // moves the batch-norm running statistics off their initial values
            saved = forward(model, input, false);
            id = store.save(model, TestManifests.manifest("gejiu"));
        }
        assertEquals("gejiu-v1", id);
        assertEquals(List.of("gejiu-v1"), store.list().stream().map(ModelManifest::id).toList());
        ModelManifest manifest = store.manifest(id);
        assertEquals(TestManifests.manifest("gejiu").withId(id), manifest);
        assertEquals("gejiu-v1",
                new ObjectMapper().readTree(dir.resolve("gejiu-v1/manifest.json").toFile()).at("/id").asText());
        try (Model loaded = store.load(id)) {
            assertArrayEquals(saved, forward(loaded, input, false));
        }
        assertEquals(dir.resolve("gejiu-v1/curves.png"), store.curvesFile(id, "png"));
    }

    @Test
    void versionsCountUpPerName(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            assertEquals("foo-v1", store.save(model, TestManifests.manifest("foo")));
            assertEquals("foo-v2", store.save(model, TestManifests.manifest("foo")));
            assertEquals("bar-v1", store.save(model, TestManifests.manifest("bar")));
            Files.createDirectory(dir.resolve("foo-v9")); // e.g. a version deleted by hand down to its folder
            assertEquals("foo-v10", store.save(model, TestManifests.manifest("foo")));
        }
        assertEquals(List.of("bar-v1", "foo-v1", "foo-v10", "foo-v2"),
                store.list().stream().map(ModelManifest::id).toList());
    }

    @Test
    void concurrentSavesFromSeparateStoresGetDistinctVersions(@TempDir Path dir) throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                ids.add(pool.submit(() -> {
                    try (Model model = Networks.newModel(TestManifests.SMALL)) {
                        return new ModelStore(dir).save(model, TestManifests.manifest("same")); // as other processes
                    }
                }));
            }
            Set<String> distinct = new TreeSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(Set.of("same-v1", "same-v2", "same-v3", "same-v4"), distinct);
            for (String id : distinct) {
                assertEquals(id, new ModelStore(dir).manifest(id).id());
            }
            assertEquals(List.copyOf(distinct), names(dir));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesUnsafeNamesAndUnknownIds(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir.resolve("store"));
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            for (String name : List.of("../evil", "a/b", "..", ".hidden", "", "a b", "x\\y")) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> store.save(model, TestManifests.manifest(name)), name);
                assertEquals("model", e.input());
            }
            store.save(model, TestManifests.manifest("ok_name.1"));
        }
        assertThrows(InvalidInputException.class, () -> store.load("../store/ok_name.1-v1"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> store.manifest("nope-v1"));
        assertEquals("no model 'nope-v1' in " + dir.resolve("store") + "; models are ok_name.1-v1",
                unknown.getMessage());
        assertEquals(List.of("store"), names(dir));
    }

    @Test
    void aFailedSaveLeavesNothingBehind(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        ModelManifest good = TestManifests.manifest("m");
        ModelManifest unwritable = new ModelManifest(null, "m", good.created(), good.softwareVersion(),
                good.inputs(), good.network(), Map.of("notJson", new Object()), good.provenance(),
                good.epochs(), good.validation());
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            assertThrows(IOException.class, () -> store.save(model, unwritable)); // after the weights were written
            assertEquals(List.of(), names(dir));
            assertEquals(List.of(), store.list());
            assertEquals("m-v1", store.save(model, good));
        }
    }

    @Test
    void aModelBeingWrittenIsHiddenFromReaders(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        try (Model model = Networks.newModel(TestManifests.SMALL)) {
            store.save(model, TestManifests.manifest("m"));
        }
        // what a concurrent save looks like half-way: a hidden folder with a manifest
        Path writing = Files.createDirectory(dir.resolve(".m.1234.tmp"));
        Files.copy(dir.resolve("m-v1/manifest.json"), writing.resolve("manifest.json"));
        assertEquals(List.of("m-v1"), store.list().stream().map(ModelManifest::id).toList());
        assertThrows(InvalidInputException.class, () -> store.manifest(".m.1234.tmp"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static float[] forward(Model model, float[] input, boolean training) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(input, Networks.inputShape(TestManifests.SMALL, 2));
            return model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), training)
                    .singletonOrThrow().toFloatArray();
        }
    }
}
