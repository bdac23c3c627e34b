package org.geoprospect.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1×1 convolution without bias or padding, stride 1 or 2, that trains as one matrix product over every pixel of
 * the batch instead of by libtorch's convolution: {@code (N·H·W × C) · (C × O)}, the input taken every
 * {@code stride} pixels. Same parameter (O × C × 1 × 1), same output (N × O × H' × W', contiguous NCHW), same saved
 * form as the {@link Conv2d} it replaces, so a model's parameters load into either. In inference (a forward pass
 * that is not training) it is the libtorch convolution: no backward pass follows, and oneDNN's forward kernels
 * for NCHW tensors are safe and faster than the product with its two transposing copies.
 * <p>
 * Why: on a CPU that reports no cache hierarchy, oneDNN inside libtorch 2.7.1 divides by its L2 size of 0 in
 * {@code brg_blocking_t::est_eff_1x1}, which it calls only when it blocks a 1×1 convolution (the backward pass of
 * NCHW ones, and the forward pass of channels-last ones); see {@link OneDnn}. A product never reaches oneDNN, so a
 * network whose 1×1 convolutions are all products trains with oneDNN's other convolutions on: ResNet-50 trained
 * 4–5× faster here than with oneDNN switched off ({@code docs/train-speed.md}). It is also one large product
 * where PyTorch's own fallback convolution makes one small product per patch, which is why that fallback is slow on
 * ResNet-50's later stages (2 × 2 to 7 × 7 pixels). Thread-safe as DJL blocks are: not during initialization.
 */
final class PointwiseConvolution extends Conv2d {
    private final int step;

    /**
     * @param filters output channels
     * @param stride  1 or 2
     */
    PointwiseConvolution(int filters, int stride) {
        super(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(0, 0)).optBias(false));
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("a pointwise convolution here has stride 1 or 2, got " + stride);
        }
        this.step = stride;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (!training) {
            return super.forwardInternal(parameterStore, inputs, false, params); // oneDNN's NCHW forward is safe
        }
        NDArray x = inputs.singletonOrThrow();
        if (step == 2) {
            x = x.get(":, :, ::2, ::2"); // what a 1×1 kernel at stride 2 without padding sees: ⌈H/2⌉ × ⌈W/2⌉
        }
        NDArray weights = parameterStore.getValue(weight, x.getDevice(), training);
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        NDArray pixels = x.transpose(0, 2, 3, 1).reshape(n * h * w, c);
        NDArray out = pixels.matMul(weights.reshape(filters, c).transpose());
        // back to N × O × H × W; the flat reshape copies into NCHW order, so that no channels-last tensor reaches a
        // later convolution (oneDNN's channels-last 1×1 forward divides by the L2 size too)
        return new NDList(out.reshape(n, h, w, filters).transpose(0, 3, 1, 2).reshape(n, -1)
                .reshape(n, filters, h, w));
    }
}
