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
        float[] input = input();
        float[] saved;
        String id;
        try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.of(0.5, -0.25))) {
            forward(network(model, 0), input, true); // moves the batch-norm running statistics off their initial values
            saved = forward(network(model, 0), input, false);
            id = store.save(model, TestManifests.manifest("gejiu"));
        }
        assertEquals("gejiu-v1", id);
        assertEquals(List.of("gejiu-v1"), store.list().stream().map(ModelManifest::id).toList());
        ModelManifest manifest = store.manifest(id);
        assertEquals(TestManifests.manifest("gejiu").withId(id)
                .withMembers(List.of(new ModelManifest.Member(1, "model", 0.5, -0.25))), manifest);
        assertEquals("gejiu-v1",
                new ObjectMapper().readTree(dir.resolve("gejiu-v1/manifest.json").toFile()).at("/id").asText());
        try (Ensemble loaded = store.load(id)) {
            assertArrayEquals(saved, forward(network(loaded, 0), input, false));
            assertEquals(0.5, loaded.members().get(0).calibration().slope());
            assertEquals(-0.25, loaded.members().get(0).calibration().intercept());
        }
        assertEquals(dir.resolve("gejiu-v1/curves.png"), store.curvesFile(id, "png"));
    }

    @Test
    void versionsCountUpPerName(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.NONE)) {
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
                    try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.NONE)) {
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
        try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.NONE)) {
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
                good.epochs(), good.validation(), null);
        try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.NONE)) {
            assertThrows(IOException.class, () -> store.save(model, unwritable)); // after the weights were written
            assertEquals(List.of(), names(dir));
            assertEquals(List.of(), store.list());
            assertEquals("m-v1", store.save(model, good));
        }
    }

    @Test
    void aModelBeingWrittenIsHiddenFromReaders(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.NONE)) {
            store.save(model, TestManifests.manifest("m"));
        }
        // what a concurrent save looks like half-way: a hidden folder with a manifest
        Path writing = Files.createDirectory(dir.resolve(".m.1234.tmp"));
        Files.copy(dir.resolve("m-v1/manifest.json"), writing.resolve("manifest.json"));
        assertEquals(List.of("m-v1"), store.list().stream().map(ModelManifest::id).toList());
        assertThrows(InvalidInputException.class, () -> store.manifest(".m.1234.tmp"));
    }

    @Test
    void anEnsembleKeepsEveryMemberWithItsCalibration(@TempDir Path dir) throws IOException {
        ModelStore store = new ModelStore(dir);
        float[] input = input();
        List<float[]> saved = new ArrayList<>();
        String id;
        try (Ensemble model = new Ensemble(List.of(
                new Ensemble.NetworkMember(Networks.newModel(TestManifests.SMALL), Calibration.of(1.5, 0.1)),
                new Ensemble.NetworkMember(Networks.newModel(TestManifests.SMALL), Calibration.of(0.7, -0.4)),
                new Ensemble.NetworkMember(Networks.newModel(TestManifests.SMALL), Calibration.of(2.0, 0.3))))) {
            for (int m = 0; m < 3; m++) {
                forward(network(model, m), input, true);
                saved.add(forward(network(model, m), input, false));
            }
            id = store.save(model, TestManifests.manifest("folds"));
        }
        assertEquals(List.of(new ModelManifest.Member(1, "model", 1.5, 0.1), new ModelManifest.Member(2, "fold2", 0.7,
                -0.4), new ModelManifest.Member(3, "fold3", 2.0, 0.3)), store.manifest(id).members());
        assertEquals(List.of("fold2-0000.params", "fold3-0000.params", "manifest.json", "model-0000.params"),
                names(dir.resolve(id)));
        try (Ensemble loaded = store.load(id)) {
            assertEquals(3, loaded.members().size());
            for (int m = 0; m < 3; m++) {
                assertArrayEquals(saved.get(m), forward(network(loaded, m), input, false), "member " + (m + 1));
            }
            assertEquals(List.of(1.5, 0.7, 2.0), loaded.members().stream().map(m -> m.calibration().slope()).toList());
            assertEquals(List.of(0.1, -0.4, 0.3),
                    loaded.members().stream().map(m -> m.calibration().intercept()).toList());
        }
    }

    @Test
    void aModelFromBeforeEnsemblesLoadsAsOneMemberWithTheValidationsCalibration(@TempDir Path dir)
            throws IOException {
        ModelStore store = new ModelStore(dir);
        String id;
        try (Ensemble model = Ensemble.of(Networks.newModel(TestManifests.SMALL), Calibration.NONE)) {
            id = store.save(model, TestManifests.manifest("old"));
        }
        // what earlier versions wrote: no members, Platt's calibration (or a temperature) in the validation
        ObjectMapper json = new ObjectMapper();
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                dir.resolve(id).resolve("manifest.json").toFile());
        manifest.remove("members");
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("validation")).putObject("calibration")
                .put("temperature", 4.0);
        Files.writeString(dir.resolve(id).resolve("manifest.json"), json.writeValueAsString(manifest));
        try (Ensemble loaded = store.load(id)) {
            assertEquals(1, loaded.members().size());
            assertEquals(0.25, loaded.members().get(0).calibration().slope());
            assertEquals(0, loaded.members().get(0).calibration().intercept());
        }
    }

    /** A batch of two inputs for the small network, varied enough to tell weights apart. */
    private static float[] input() {
        float[] input = new float[2 * 4 * 16 * 16];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) Math.sin(i * 0.37);
        }
        return input;
    }

    private static Model network(Ensemble ensemble, int member) {
        return ((Ensemble.NetworkMember) ensemble.members().get(member)).model();
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
