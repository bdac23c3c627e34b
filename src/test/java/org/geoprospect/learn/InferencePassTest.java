package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferencePassTest {
    @ParameterizedTest
    @EnumSource(value = NetworkArchitecture.class, names = {"LOGISTIC", "FOREST", "ELEMENT"},
            mode = EnumSource.Mode.EXCLUDE)
    void givesTheBlocksOutputsToTheBitAndFreesItsIntermediates(NetworkArchitecture architecture) {
        NetworkSpec spec = new NetworkSpec(architecture, 8, 2, 32);
        Shape shape = Networks.inputShape(spec, 4);
        float[] values = new float[(int) shape.size()];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        try (Model model = Networks.newModel(spec)) {
            float[] expected;
            int keptByForward;
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batch.create(values, shape);
                expected = model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), false)
                        .singletonOrThrow().toFloatArray();
                keptByForward = managed(batch);
            }
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batch.create(values, shape);
                NDList out = InferencePass.forward(model.getBlock(), new ParameterStore(batch, false), new NDList(x));
                int kept = managed(batch);
                assertFalse(x.isReleased(), "the caller's input stays open");
                assertArrayEquals(expected, out.singletonOrThrow().toFloatArray(), architecture.id());
                assertTrue(kept * 4 <= keptByForward,
                        architecture + ": the pass left " + kept + " arrays, Block.forward " + keptByForward);
            }
        }
    }

    private static int managed(NDManager manager) {
        return ((BaseNDManager) manager).getManagedArrays().size();
    }
}
