package org.geoprospect.learn;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

import java.util.List;

/**
 * GoogLeNet (Inception v1, Szegedy et al. 2015) from DJL blocks, laid out as torchvision's {@code googlenet} without
 * the auxiliary classifiers (which only add a training loss): a 7×7/2 stem convolution, 3×3/2 max-pool, 1×1 and
 * 3×3 convolutions, 3×3/2 max-pool; Inception modules 3a-3b, 4a-4e and 5a-5b with 3×3/2 and 2×2/2 max-pools
 * between the groups; global average pooling, dropout 0.2 and one fully connected layer (logits). Every convolution
 * is followed by batch norm (ε = 0.001) and ReLU, and torchvision's "5×5" branch is a 3×3 convolution, as in its
 * weights. The max-pools round up (ceil mode), so 32-cell patches reach a 1×1 grid; the layout does not depend on
 * the input size. One of the paper's comparison networks.
 */
final class GoogLeNet {
    /**
     * Each module's input channels, then its 1×1 branch, 3×3 branch (reduction, output), "5×5" branch (reduction,
     * output) and pooling-projection widths; the output is the sum of the four branches' widths.
     */
    private static final int[][] INCEPTION_3 = {
            {192, 64, 96, 128, 16, 32, 32}, {256, 128, 128, 192, 32, 96, 64}};
    private static final int[][] INCEPTION_4 = {
            {480, 192, 96, 208, 16, 48, 64}, {512, 160, 112, 224, 24, 64, 64}, {512, 128, 128, 256, 24, 64, 64},
            {512, 112, 144, 288, 32, 64, 64}, {528, 256, 160, 320, 32, 128, 128}};
    private static final int[][] INCEPTION_5 = {
            {832, 256, 160, 320, 32, 128, 128}, {832, 384, 192, 384, 48, 128, 128}};

    private GoogLeNet() {
    }

    /**
     * @param classes the number of outputs, at least 2 (checked by {@link NetworkSpec})
     * @return a new, uninitialized network
     */
    static Block newBlock(int classes, boolean products) {
        SequentialBlock net = new SequentialBlock()
                .add(basicConv(64, 7, 2, products)).add(maxPool(3, 2, 0))
                .add(basicConv(64, 1, 1, products)).add(basicConv(192, 3, 1, products)).add(maxPool(3, 2, 0));
        addInceptions(net, INCEPTION_3, products);
        net.add(maxPool(3, 2, 0));
        addInceptions(net, INCEPTION_4, products);
        net.add(maxPool(2, 2, 0));
        addInceptions(net, INCEPTION_5, products);
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    private static void addInceptions(SequentialBlock net, int[][] modules, boolean products) {
        for (int[] m : modules) {
            net.add(new Junction(branches -> new NDList(NDArrays.concat(
                    new NDList(branches.stream().map(NDList::singletonOrThrow).toList()), 1)), List.of(
                    basicConv(m[1], 1, 1, products),
                    new SequentialBlock().add(basicConv(m[2], 1, 1, products)).add(basicConv(m[3], 3, 1, products)),
                    new SequentialBlock().add(basicConv(m[4], 1, 1, products)).add(basicConv(m[5], 3, 1, products)),
                    new SequentialBlock().add(maxPool(3, 1, 1)).add(basicConv(m[6], 1, 1, products)))));
        }
    }

    /**
     * torchvision's BasicConv2d: convolution without bias, batch norm with its ε of 0.001, ReLU; a 1×1 convolution
     * is a matrix product when {@code products} ({@link PointwiseConvolution}).
     */
    private static Block basicConv(int filters, int kernel, int stride, boolean products) {
        Block conv = kernel == 1 ? ResNet.pointwise(filters, stride, products) : ResNet.conv(filters, kernel, stride);
        return new SequentialBlock().add(conv)
                .add(BatchNorm.builder().optEpsilon(1e-3f).build()).add(Activation.reluBlock());
    }

    private static Block maxPool(int kernel, int stride, int padding) {
        return Pool.maxPool2dBlock(new Shape(kernel, kernel), new Shape(stride, stride),
                new Shape(padding, padding), true);
    }
}
