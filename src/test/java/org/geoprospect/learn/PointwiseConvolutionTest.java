package org.geoprospect.learn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix-product 1×1 convolution against libtorch's convolution: outputs, gradients and saved parameters. */
class PointwiseConvolutionTest {
    /** Outputs and gradients of a block on one input, with a fixed upstream gradient. */
    private record Pass(float[] output, long[] outputShape, float[] inputGradient, float[] weightGradient) {
    }

    private static Pass pass(Block block, NDManager manager, float[] x, Shape shape, float[] upstream) {
        try (NDManager m = manager.newSubManager();
             GradientTurn turn = GradientTurn.take();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray input = m.create(x, shape);
            input.setRequiresGradient(true);
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(input), true).singletonOrThrow();
            collector.backward(out.mul(m.create(upstream, out.getShape())).sum());
            NDArray weight = block.getParameters().get("weight").getArray();
            return new Pass(out.toFloatArray(), out.getShape().getShape(), input.getGradient().toFloatArray(),
                    weight.getGradient().toFloatArray());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void computesWhatTheConvolutionComputes(int stride) throws Exception {
        Shape shape = new Shape(3, 6, 7, 5); // odd sides: stride 2 rounds up
        try (NDManager manager = NDManager.newBaseManager()) {
            Block conv = ResNet.conv(4, 1, stride);
            Block product = new PointwiseConvolution(4, stride);
            conv.initialize(manager, DataType.FLOAT32, shape);
            product.initialize(manager, DataType.FLOAT32, shape);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            conv.saveParameters(new DataOutputStream(saved));
            product.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            conv.getParameters().get("weight").getArray().setRequiresGradient(true); // as a Trainer does
            product.getParameters().get("weight").getArray().setRequiresGradient(true);

            Random random = new Random(stride);
            float[] x = new float[(int) shape.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            long[] outShape = {3, 4, stride == 1 ? 7 : 4, stride == 1 ? 5 : 3};
            float[] upstream = new float[(int) new Shape(outShape).size()];
            for (int i = 0; i < upstream.length; i++) {
                upstream[i] = (float) random.nextGaussian();
            }
            Pass a = pass(conv, manager, x, shape, upstream);
            Pass b = pass(product, manager, x, shape, upstream);
            assertArrayEquals(outShape, a.outputShape());
            assertArrayEquals(a.outputShape(), b.outputShape());
            assertArrayEquals(a.output(), b.output(), 1e-5f);
            assertArrayEquals(a.inputGradient(), b.inputGradient(), 1e-5f);
            assertArrayEquals(a.weightGradient(), b.weightGradient(), 1e-4f);
            float[] inference = product.forward(new ParameterStore(manager, false), new NDList(manager.create(x, shape)),
                    false).singletonOrThrow().toFloatArray();
            assertArrayEquals(a.output(), inference, 1e-5f, "inference: the convolution itself");
            assertArrayEquals(conv.getOutputShapes(new Shape[] {shape})[0].getShape(),
                    product.getOutputShapes(new Shape[] {shape})[0].getShape());
        }
    }

    @Test
    void aResNet50WithProductsIsTheSameNetwork() throws Exception {
        Shape shape = new Shape(4, 8, 48, 48); // not 2 × 32²: batch norm over 2 values would amplify rounding
        try (NDManager manager = NDManager.newBaseManager()) {
            Block convs = ResNet.builder().setDepth(50).setClasses(2).optPointwiseAsProducts(false).build();
            Block products = ResNet.builder().setDepth(50).setClasses(2).optPointwiseAsProducts(true).build();
            convs.initialize(manager, DataType.FLOAT32, shape);
            products.initialize(manager, DataType.FLOAT32, shape);
            assertEquals(Networks.trainableParameters(convs), Networks.trainableParameters(products));
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            convs.saveParameters(new DataOutputStream(saved));
            products.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            products.saveParameters(new DataOutputStream(again));
            assertArrayEquals(saved.toByteArray(), again.toByteArray(), "the same saved form");

            NDArray x = manager.randomNormal(shape);
            for (boolean training : new boolean[] {true, false}) { // products in training, convolutions after
                float[] a = convs.forward(new ParameterStore(manager, false), new NDList(x), training)
                        .singletonOrThrow().toFloatArray();
                float[] b = products.forward(new ParameterStore(manager, false), new NDList(x), training)
                        .singletonOrThrow().toFloatArray();
                assertArrayEquals(a, b, 1e-3f, training ? "training" : "inference");
                assertTrue(Math.abs(a[0]) + Math.abs(a[1]) > 0, "a real output");
            }
        }
    }
}
