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
import ai.djl.nn.pooling.Pool;

import java.util.List;

/**
 * Residual networks of He et al. (2016) built explicitly from DJL blocks, laid out as torchvision's
 * {@code resnet18} and {@code resnet50}: a 7×7/2 stem convolution with 64 filters, batch norm, ReLU and a 3×3/2
 * max-pool; four stages of 64, 128, 256 and 512 filters whose first block halves the grid (except in the first
 * stage); global average pooling; one fully connected layer with one output per class (logits: softmax belongs to
 * the loss and the prediction). Depth 18 stacks 2-2-2-2 basic blocks (two 3×3 convolutions); depth 50 stacks
 * 3-4-6-3 bottleneck blocks (1×1, 3×3, 1×1 with ×4 expansion, the stride on the 3×3 as in torchvision's "v1.5").
 * A block whose output shape differs from its input's adds through a 1×1 projection with batch norm.
 *
 * <p>Unlike DJL's {@code ResNetV1}, the layout never depends on the input size: small patches keep the stem and
 * all four stages. Convolutions have no bias (batch norm follows each). The number of input channels is fixed
 * when the block is initialized. A builder is not thread-safe; the blocks it builds are ordinary DJL blocks.
 * <p>{@link Builder#optPointwiseAsProducts} computes the 1×1 convolutions (bottlenecks and projections) as matrix
 * products ({@link PointwiseConvolution}) instead of libtorch convolutions: same parameters and outputs, but none of
 * them reaches oneDNN, which cannot block a 1×1 convolution on a CPU that hides its caches ({@link OneDnn}).
 */
public final class ResNet {
    private static final int[] STAGE_WIDTHS = {64, 128, 256, 512};
    private static final int BOTTLENECK_EXPANSION = 4;

    private ResNet() {
    }

    /** @return a builder; set the depth and the number of classes */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ResNet}: {@code setDepth} and {@code setClasses} are required. */
    public static final class Builder {
        private int depth;
        private int classes;
        private boolean pointwiseAsProducts;

        private Builder() {
        }

        /**
         * @param depth 18 (basic blocks) or 50 (bottleneck blocks)
         * @return this builder
         */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * @param classes the number of outputs of the final fully connected layer, at least 2
         * @return this builder
         */
        public Builder setClasses(int classes) {
            this.classes = classes;
            return this;
        }

        /**
         * @param products whether 1×1 convolutions are matrix products ({@link PointwiseConvolution}) rather than
         *                 libtorch convolutions (default false); parameters and saved models are the same either way
         * @return this builder
         */
        public Builder optPointwiseAsProducts(boolean products) {
            this.pointwiseAsProducts = products;
            return this;
        }

        /**
         * @return a new, uninitialized network
         * @throws IllegalArgumentException if the depth is not 18 or 50, or there are fewer than 2 classes
         */
        public Block build() {
            if (depth != 18 && depth != 50) {
                throw new IllegalArgumentException("ResNet depth must be 18 or 50, got " + depth);
            }
            if (classes < 2) {
                throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
            }
            boolean bottleneck = depth == 50;
            int[] blocksPerStage = bottleneck ? new int[] {3, 4, 6, 3} : new int[] {2, 2, 2, 2};
            SequentialBlock net = new SequentialBlock()
                    .add(conv(64, 7, 2))
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
            int inputWidth = 64;
            for (int stage = 0; stage < STAGE_WIDTHS.length; stage++) {
                int width = STAGE_WIDTHS[stage];
                int outputWidth = bottleneck ? width * BOTTLENECK_EXPANSION : width;
                SequentialBlock layer = new SequentialBlock();
                for (int i = 0; i < blocksPerStage[stage]; i++) {
                    int stride = i == 0 && stage > 0 ? 2 : 1;
                    boolean project = stride != 1 || inputWidth != outputWidth;
                    Block main = bottleneck ? bottleneck(width, stride, pointwiseAsProducts) : basic(width, stride);
                    layer.add(residual(main, project ? projection(outputWidth, stride, pointwiseAsProducts)
                            : Blocks.identityBlock()));
                    inputWidth = outputWidth;
                }
                net.add(layer);
            }
            return net.add(Pool.globalAvgPool2dBlock())
                    .add(Linear.builder().setUnits(classes).build());
        }
    }

    private static Block basic(int width, int stride) {
        return new SequentialBlock()
                .add(conv(width, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(width, 3, 1)).add(BatchNorm.builder().build());
    }

    private static Block bottleneck(int width, int stride, boolean products) {
        return new SequentialBlock()
                .add(pointwise(width, 1, products)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(width, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(pointwise(width * BOTTLENECK_EXPANSION, 1, products)).add(BatchNorm.builder().build());
    }

    private static Block projection(int width, int stride, boolean products) {
        return new SequentialBlock().add(pointwise(width, stride, products)).add(BatchNorm.builder().build());
    }

    /** A 1×1 convolution without bias: a matrix product or a libtorch convolution. */
    static Block pointwise(int filters, int stride, boolean product) {
        return product ? new PointwiseConvolution(filters, stride) : conv(filters, 1, stride);
    }

    private static Block residual(Block main, Block shortcut) {
        return new SequentialBlock()
                .add(new Junction(
                        outputs -> new NDList(outputs.get(0).singletonOrThrow().add(outputs.get(1).singletonOrThrow())),
                        List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    /** A convolution without bias, padded so that stride 1 keeps the grid and stride 2 halves it (rounding up). */
    static Block conv(int filters, int kernel, int stride) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .build();
    }
}
