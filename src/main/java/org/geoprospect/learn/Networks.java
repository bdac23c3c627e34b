package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Builds the network a {@link NetworkSpec} names, as a DJL block or as an initialized {@link Model}. Where
 * {@link OneDnn#trainingHazard()} applies, every network's 1×1 convolutions are matrix products (same parameters,
 * so saved models load either way). Stateless and thread-safe; the models it returns hold native memory and must be
 * closed by the caller.
 */
public final class Networks {
    private Networks() {
    }

    /**
     * @param spec the network
     * @return a new, uninitialized block
     */
    public static Block newBlock(NetworkSpec spec) {
        return switch (spec.architecture()) {
            case RESNET50 -> resNet(50, spec);
            case RESNET18 -> resNet(18, spec);
            case MOBILENET_V2 -> MobileNetV2.newBlock(spec.classes(), pointwiseAsProducts());
            case GOOGLENET -> GoogLeNet.newBlock(spec.classes(), pointwiseAsProducts());
            case SHUFFLENET_V2_X1_0 -> ShuffleNetV2.newBlock(spec.classes(), pointwiseAsProducts());
            case SMALL -> SmallCnn.newBlock(spec.classes());
            case LOGISTIC, FOREST, ELEMENT -> throw new IllegalArgumentException(spec.architecture().id()
                    + " is a baseline, not a network");
        };
    }

    private static Block resNet(int depth, NetworkSpec spec) {
        return ResNet.builder().setDepth(depth).setClasses(spec.classes())
                .optPointwiseAsProducts(pointwiseAsProducts()).build();
    }

    /**
     * Whether 1×1 convolutions are built as matrix products: where oneDNN cannot block them ({@link OneDnn}), so that
     * every network trains there with oneDNN's other convolutions on instead of none.
     */
    static boolean pointwiseAsProducts() {
        return OneDnn.trainingHazard().isPresent();
    }

    /**
     * @param spec the network
     * @return a model named after the architecture, holding {@link #newBlock} initialized (default initializers)
     *         for inputs of {@link #inputShape(NetworkSpec, int) inputShape(spec, 1)}; close it
     */
    public static Model newModel(NetworkSpec spec) {
        NativeMemory.keepForReuse(); // every model trains or predicts batch after batch: see NativeMemory
        Nnpack.switchOff();
        Model model = Model.newInstance(spec.architecture().id());
        Block block = newBlock(spec);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape(spec, 1));
        return model;
    }

    /**
     * @param spec  the network
     * @param batch patches per batch
     * @return the input shape (batch, channels, inputSize, inputSize)
     */
    public static Shape inputShape(NetworkSpec spec, int batch) {
        return new Shape(batch, spec.channels(), spec.inputSize(), spec.inputSize());
    }

    /**
     * @param block an initialized block
     * @return the number of trainable values (weights, biases, batch-norm γ and β; not the running statistics),
     *         the count that torchvision and the papers publish
     */
    public static long trainableParameters(Block block) {
        return block.getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }
}
