package org.geoprospect.learn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

/**
 * Run in a child JVM by {@link NnpackTest}: one inference pass of a 1×1 convolution on a batch of 2 at 1 thread,
 * the case where libtorch asks NNPACK whether it can run; with argument {@code off} after {@link Nnpack#switchOff}.
 */
public final class NnpackProbe {
    private NnpackProbe() {
    }

    public static void main(String[] args) {
        Engine.getInstance(); // loads libtorch
        if (args.length > 0 && args[0].equals("off")) {
            Nnpack.switchOff();
        }
        JniUtils.setNumThreads(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            Block conv = ResNet.conv(8, 1, 1);
            Shape shape = new Shape(2, 8, 8, 8);
            conv.initialize(manager, DataType.FLOAT32, shape);
            float sum = conv.forward(new ParameterStore(manager, false), new NDList(manager.ones(shape)), false)
                    .singletonOrThrow().sum().getFloat();
            System.out.println("ran " + Float.isFinite(sum));
        }
    }
}
