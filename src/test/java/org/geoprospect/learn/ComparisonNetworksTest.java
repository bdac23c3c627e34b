package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The paper's comparison networks: torchvision's layouts, for any number of elements and patch size. */
class ComparisonNetworksTest {

    /**
     * torchvision's counts for 3 channels and 1000 classes ({@code sum(p.numel() for p in m.parameters())}, googlenet
     * with {@code aux_logits=False}); with 8 channels and 2 classes only the stem convolution and the last layer
     * change.
     */
    @ParameterizedTest
    @CsvSource({
            "mobilenet_v2,       3504872, 3, 32, 1280",
            "googlenet,          6624904, 7, 64, 1024",
            "shufflenet_v2_x1_0, 2278604, 3, 24, 1024"})
    void matchesTorchvisionsParameterCount(String id, long torchvision, int stemKernel, int stemWidth, int features) {
        NetworkArchitecture architecture = NetworkArchitecture.fromId(id);
        assertEquals(torchvision, ResNetTest.measured(architecture, 3, 1000));
        long stem = (long) stemKernel * stemKernel * stemWidth;
        assertEquals(torchvision + 5 * stem - 998L * (features + 1), ResNetTest.measured(architecture, 8, 2));
    }

    @ParameterizedTest
    @EnumSource(value = NetworkArchitecture.class,
            names = {"RESNET50", "MOBILENET_V2", "GOOGLENET", "SHUFFLENET_V2_X1_0"})
    void givesOneLogitPerClassForLargeAndSmallPatches(NetworkArchitecture architecture) {
        try (Model model = Networks.newModel(new NetworkSpec(architecture, 8, 2, 64))) {
            for (int size : new int[] {224, 64, 32}) {
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDArray x = batch.randomNormal(new Shape(2, 8, size, size));
                    NDArray y = model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), false)
                            .singletonOrThrow();
                    assertEquals(new Shape(2, 2), y.getShape(), size + " px");
                }
            }
        }
    }

    @Test
    void channelShuffleInterleavesTheTwoHalves() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(6f).reshape(1, 6, 1, 1);
            assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, ShuffleNetV2.shuffle(x).toFloatArray());
        }
    }
}
