package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResNetTest {

    @Test
    void resNet50CountsTheParametersOfTheArchitectureByHand() {
        assertEquals(25_557_032L, expectedResNet(true, 3, 1000), "the hand count reproduces torchvision's resnet50");
        assertEquals(23_527_810L, expectedResNet(true, 8, 2));
        assertEquals(23_527_810L, measured(NetworkArchitecture.RESNET50, 8, 2));
    }

    @Test
    void resNet50MatchesTorchvisionsPublishedCount() {
        assertEquals(25_557_032L, measured(NetworkArchitecture.RESNET50, 3, 1000));
    }

    @Test
    void resNet18MatchesTorchvisionsPublishedCount() {
        assertEquals(11_689_512L, expectedResNet(false, 3, 1000), "the hand count reproduces torchvision's resnet18");
        assertEquals(11_689_512L, measured(NetworkArchitecture.RESNET18, 3, 1000));
        assertEquals(expectedResNet(false, 8, 2), measured(NetworkArchitecture.RESNET18, 8, 2));
    }

    @Test
    void smallCnnStaysUnderHalfAMillionParameters() {
        long expected = conv(8, 32, 3) + bn(32) + conv(32, 64, 3) + bn(64) + conv(64, 128, 3) + bn(128) + fc(128, 2);
        assertEquals(expected, measured(NetworkArchitecture.SMALL, 8, 2));
        assertTrue(expected < 500_000);
    }

    @Test
    void smallPatchesKeepTheStemAndAllFourStages() {
        try (Model model = Networks.newModel(new NetworkSpec(NetworkArchitecture.RESNET50, 8, 2, 32))) {
            List<Shape> shapes = new ArrayList<>();
            Shape[] shape = {new Shape(1, 8, 32, 32)};
            for (Block child : model.getBlock().getChildren().values()) {
                shape = child.getOutputShapes(shape);
                shapes.add(shape[0]);
            }
            assertEquals(List.of(
                    new Shape(1, 64, 16, 16), new Shape(1, 64, 16, 16), new Shape(1, 64, 16, 16), // stem
                    new Shape(1, 64, 8, 8),                                                       // 3×3/2 max-pool
                    new Shape(1, 256, 8, 8), new Shape(1, 512, 4, 4),                             // stages 1, 2
                    new Shape(1, 1024, 2, 2), new Shape(1, 2048, 1, 1),                           // stages 3, 4
                    new Shape(1, 2048), new Shape(1, 2)), shapes);                                // pool, FC
        }
    }

    /** Trainable parameters of a network built for these channels and classes. */
    static long measured(NetworkArchitecture architecture, int channels, int classes) {
        try (Model model = Networks.newModel(new NetworkSpec(architecture, channels, classes, 32))) {
            return Networks.trainableParameters(model.getBlock());
        }
    }

    /** torchvision's layout in arithmetic: convolutions without bias, BN γ and β, FC with bias. */
    private static long expectedResNet(boolean bottleneck, int channels, int classes) {
        int[] blocks = bottleneck ? new int[] {3, 4, 6, 3} : new int[] {2, 2, 2, 2};
        int expansion = bottleneck ? 4 : 1;
        long total = conv(channels, 64, 7) + bn(64);
        int in = 64;
        for (int stage = 0; stage < 4; stage++) {
            int width = 64 << stage;
            int out = width * expansion;
            for (int i = 0; i < blocks[stage]; i++) {
                if (bottleneck) {
                    total += conv(in, width, 1) + bn(width) + conv(width, width, 3) + bn(width)
                            + conv(width, out, 1) + bn(out);
                } else {
                    total += conv(in, width, 3) + bn(width) + conv(width, width, 3) + bn(width);
                }
                if (in != out || (i == 0 && stage > 0)) {
                    total += conv(in, out, 1) + bn(out);
                }
                in = out;
            }
        }
        return total + fc(in, classes);
    }

    private static long conv(long in, long out, long kernel) {
        return in * out * kernel * kernel;
    }

    private static long bn(long channels) {
        return 2 * channels;
    }

    private static long fc(long in, long out) {
        return in * out + out;
    }
}
