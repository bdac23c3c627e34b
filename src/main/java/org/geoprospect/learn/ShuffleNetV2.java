package org.geoprospect.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

import java.util.List;

/**
 * ShuffleNetV2 ×1.0 (Ma et al. 2018) from DJL blocks, laid out as torchvision's {@code shufflenet_v2_x1_0}: a
 * 3×3/2 stem convolution with 24 filters and a 3×3/2 max-pool; stages of 4, 8 and 4 units with 116, 232 and 464
 * channels; a 1×1 convolution to 1024 channels; global average pooling and one fully connected layer (logits).
 * A unit splits its channels in half, passes one half through and sends the other through 1×1, 3×3 depthwise and
 * 1×1 convolutions; a stage's first unit instead halves the grid on both halves (the pass-through becomes a 3×3/2
 * depthwise and a 1×1 convolution). The halves are concatenated and their channels shuffled, so that the next
 * unit's split mixes both. One of the paper's comparison networks; the layout does not depend on the input size.
 */
final class ShuffleNetV2 {
    private static final int[] STAGE_UNITS = {4, 8, 4};
    private static final int[] STAGE_WIDTHS = {116, 232, 464};
    private static final int STEM_WIDTH = 24;
    private static final int LAST_WIDTH = 1024;

    private ShuffleNetV2() {
    }

    /**
     * @param classes the number of outputs, at least 2 (checked by {@link NetworkSpec})
     * @return a new, uninitialized network
     */
    static Block newBlock(int classes, boolean products) {
        SequentialBlock net = new SequentialBlock()
                .add(ResNet.conv(STEM_WIDTH, 3, 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int in = STEM_WIDTH;
        for (int stage = 0; stage < STAGE_UNITS.length; stage++) {
            int half = STAGE_WIDTHS[stage] / 2;
            SequentialBlock units = new SequentialBlock().add(downsamplingUnit(in, half, products));
            for (int i = 1; i < STAGE_UNITS[stage]; i++) {
                units.add(unit(half, products));
            }
            net.add(units);
            in = STAGE_WIDTHS[stage];
        }
        return net.add(ResNet.pointwise(LAST_WIDTH, 1, products)).add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block unit(int half, boolean products) {
        return concatAndShuffle(
                LambdaBlock.singleton(x -> x.split(2, 1).get(0), "firstHalf"),
                new SequentialBlock().add(LambdaBlock.singleton(x -> x.split(2, 1).get(1), "secondHalf"))
                        .add(branch(half, 1, products)));
    }

    private static Block downsamplingUnit(int in, int half, boolean products) {
        return concatAndShuffle(
                new SequentialBlock()
                        .add(MobileNetV2.depthwise(in, 2)).add(BatchNorm.builder().build())
                        .add(ResNet.pointwise(half, 1, products)).add(BatchNorm.builder().build())
                        .add(Activation.reluBlock()),
                branch(half, 2, products));
    }

    /** 1×1, 3×3 depthwise (no ReLU after it) and 1×1 convolutions, each with batch norm. */
    private static Block branch(int half, int stride, boolean products) {
        return new SequentialBlock()
                .add(ResNet.pointwise(half, 1, products)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(MobileNetV2.depthwise(half, stride)).add(BatchNorm.builder().build())
                .add(ResNet.pointwise(half, 1, products)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }

    private static Block concatAndShuffle(Block first, Block second) {
        return new SequentialBlock()
                .add(new Junction(halves -> new NDList(NDArrays.concat(new NDList(
                        halves.get(0).singletonOrThrow(), halves.get(1).singletonOrThrow()), 1)),
                        List.of(first, second)))
                .add(LambdaBlock.singleton(ShuffleNetV2::shuffle, "channelShuffle"));
    }

    /** Interleaves the two halves' channels: (b, 2, c/2, h, w) transposed to (b, c/2, 2, h, w). */
    static NDArray shuffle(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), 2, s.get(1) / 2, s.get(2), s.get(3)).transpose(0, 2, 1, 3, 4).reshape(s);
    }
}
