package org.geoprospect.learn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * A compact CNN for fast tests and very small CPU runs: three 3×3 convolution + batch norm + ReLU blocks of 32, 64
 * and 128 filters (the last two with stride 2), global average pooling and one fully connected layer (logits).
 * About 0.1 M parameters with 8 input channels; like {@link ResNet}, the layout does not depend on the input size.
 */
final class SmallCnn {
    private static final int[] WIDTHS = {32, 64, 128};

    private SmallCnn() {
    }

    /**
     * @param classes the number of outputs, at least 2 (checked by {@link NetworkSpec})
     * @return a new, uninitialized network
     */
    static Block newBlock(int classes) {
        SequentialBlock net = new SequentialBlock();
        for (int i = 0; i < WIDTHS.length; i++) {
            net.add(ResNet.conv(WIDTHS[i], 3, i == 0 ? 1 : 2))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Linear.builder().setUnits(classes).build());
    }
}
