package org.geoprospect.learn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

import java.util.List;

/**
 * MobileNetV2 (Sandler et al. 2018) from DJL blocks, laid out as torchvision's {@code mobilenet_v2} (width 1.0): a
 * 3×3/2 stem convolution with 32 filters; seventeen inverted residual blocks (1×1 expansion by t, 3×3 depthwise,
 * linear 1×1 projection, each followed by batch norm and all but the projection by ReLU6; an identity shortcut where
 * stride is 1 and the width stays); a 1×1 convolution to 1280 channels; global average pooling, dropout 0.2 and one
 * fully connected layer (logits). One of the paper's comparison networks; like {@link ResNet}, the layout does not
 * depend on the input size, so 32-cell patches reach a 1×1 grid after the five stride-2 steps.
 */
final class MobileNetV2 {
    /** torchvision's inverted residual settings: expansion t, output channels c, repeats n, first stride s. */
    private static final int[][] SETTINGS = {
            {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
    private static final int STEM_WIDTH = 32;
    private static final int LAST_WIDTH = 1280;

    private MobileNetV2() {
    }

    /**
     * @param classes the number of outputs, at least 2 (checked by {@link NetworkSpec})
     * @return a new, uninitialized network
     */
    static Block newBlock(int classes, boolean products) {
        SequentialBlock net = new SequentialBlock()
                .add(ResNet.conv(STEM_WIDTH, 3, 2)).add(BatchNorm.builder().build()).add(Activation.relu6Block());
        int in = STEM_WIDTH;
        for (int[] s : SETTINGS) {
            for (int i = 0; i < s[2]; i++) {
                int stride = i == 0 ? s[3] : 1;
                Block block = invertedResidual(in, in * s[0], s[1], stride, products);
                net.add(stride == 1 && in == s[1] ? shortcut(block) : block);
                in = s[1];
            }
        }
        return net.add(ResNet.pointwise(LAST_WIDTH, 1, products)).add(BatchNorm.builder().build())
                .add(Activation.relu6Block())
                .add(Pool.globalAvgPool2dBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static Block invertedResidual(int in, int hidden, int out, int stride, boolean products) {
        SequentialBlock block = new SequentialBlock();
        if (hidden != in) {
            block.add(ResNet.pointwise(hidden, 1, products)).add(BatchNorm.builder().build())
                    .add(Activation.relu6Block());
        }
        return block.add(depthwise(hidden, stride)).add(BatchNorm.builder().build()).add(Activation.relu6Block())
                .add(ResNet.pointwise(out, 1, products)).add(BatchNorm.builder().build());
    }

    /** The block plus its input, without an activation after the sum: the projection is linear. */
    private static Block shortcut(Block block) {
        return new Junction(
                outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                List.of(block, Blocks.identityBlock()));
    }

    /** A 3×3 depthwise convolution without bias (one filter per channel), padded like {@link ResNet#conv}. */
    static Block depthwise(int channels, int stride) {
        return Conv2d.builder()
                .setFilters(channels)
                .optGroups(channels)
                .setKernelShape(new Shape(3, 3))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1))
                .optBias(false)
                .build();
    }
}
