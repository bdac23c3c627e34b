package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void specRoundTripsThroughAManifest() throws IOException {
        NetworkSpec spec = new NetworkSpec(NetworkArchitecture.RESNET50, 8, 2, 32);
        String json = JSON.writeValueAsString(spec);
        assertEquals("{\"architecture\":\"resnet50\",\"channels\":8,\"classes\":2,\"inputSize\":32}", json);
        assertEquals(spec, JSON.readValue(json, NetworkSpec.class));
    }

    @Test
    void specRejectsWhatNoNetworkCanBe() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> NetworkArchitecture.fromId("resnet34"));
        assertTrue(unknown.getMessage().contains("resnet50, resnet18, small"), unknown.getMessage());
        assertEquals("classes", assertThrows(InvalidInputException.class,
                () -> new NetworkSpec(NetworkArchitecture.SMALL, 8, 1, 32)).input());
        assertEquals("channels", assertThrows(InvalidInputException.class,
                () -> new NetworkSpec(NetworkArchitecture.SMALL, 0, 2, 32)).input());
    }

    @ParameterizedTest
    @EnumSource(value = NetworkArchitecture.class, names = {"LOGISTIC", "FOREST", "ELEMENT"},
            mode = EnumSource.Mode.EXCLUDE)
    void savedParametersLoadIntoTheRebuiltBlockBitForBit(NetworkArchitecture architecture, @TempDir Path dir)
            throws IOException, MalformedModelException {
        NetworkSpec spec = new NetworkSpec(architecture, 8, 2, 32);
        float[] saved;
        try (Model model = Networks.newModel(spec); NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.randomNormal(Networks.inputShape(spec, 4));
            // a training-mode pass moves the batch-norm running statistics away from their initial values
            forward(model.getBlock(), batch, x, true);
            saved = forward(model.getBlock(), batch, x, false);
            model.save(dir, "net");
            try (Model rebuilt = Networks.newModel(JSON.readValue(JSON.writeValueAsString(spec), NetworkSpec.class));
                 NDManager rebuiltBatch = rebuilt.getNDManager().newSubManager()) {
                NDArray same = rebuiltBatch.create(x.toFloatArray(), x.getShape());
                assertFalse(Arrays.equals(saved, forward(rebuilt.getBlock(), rebuiltBatch, same, false)),
                        "a fresh initialization differs");
                rebuilt.load(dir, "net");
                assertArrayEquals(saved, forward(rebuilt.getBlock(), rebuiltBatch, same, false));
            }
        }
    }

    @Test
    void oneSgdStepOnResNet50ChangesTheWeights() {
        NetworkSpec spec = new NetworkSpec(NetworkArchitecture.RESNET50, 8, 2, 64);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).build());
        try (Model model = Networks.newModel(spec);
             Trainer trainer = model.newTrainer(config);
             NDManager batch = model.getNDManager().newSubManager()) {
            Parameter stem = model.getBlock().getParameters().get(0).getValue();
            float[] before = stem.getArray().toFloatArray();
            NDArray x = batch.randomNormal(Networks.inputShape(spec, 2));
            NDArray labels = batch.create(new float[] {0, 1});
            long start = System.nanoTime();
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray l = trainer.getLoss().evaluate(new NDList(labels), trainer.forward(new NDList(x)));
                collector.backward(l);
                loss = l.getFloat();
            }
            trainer.step();
            System.out.printf("ResNet-50 train step, batch 2×8×64×64: %.2f s%n", (System.nanoTime() - start) / 1e9);
            assertTrue(Float.isFinite(loss) && loss > 0, "loss " + loss);
            assertNotEquals(Arrays.toString(before), Arrays.toString(stem.getArray().toFloatArray()));
        }
    }

    private static float[] forward(Block block, NDManager manager, NDArray x, boolean training) {
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow()
                .toFloatArray();
    }
}
