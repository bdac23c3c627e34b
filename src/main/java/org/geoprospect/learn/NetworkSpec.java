package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;

/**
 * What a trained model's manifest records about its network, enough for {@link Networks#newModel(NetworkSpec)} to
 * rebuild the identical block and load its parameters. Serializes as JSON with Jackson, e.g.
 * {@code {"architecture":"resnet50","channels":8,"classes":2,"inputSize":32}}.
 *
 * @param architecture the network
 * @param channels     input channels: the number of element grids stacked in a patch
 * @param classes      output classes (2: "no ore", "ore")
 * @param inputSize    width = height of a patch, in grid cells; the layout does not depend on it, but the model is
 *                     initialized and checked for this size
 */
public record NetworkSpec(NetworkArchitecture architecture, int channels, int classes, int inputSize) {

    /** @throws InvalidInputException if a value is missing or out of range */
    public NetworkSpec {
        if (architecture == null) {
            throw new InvalidInputException("network", "the network architecture is missing");
        }
        if (channels < 1) {
            throw new InvalidInputException("channels", "a network needs at least 1 input channel, got " + channels);
        }
        if (classes < 2) {
            throw new InvalidInputException("classes", "a classifier needs at least 2 classes, got " + classes);
        }
        if (inputSize < 1) {
            throw new InvalidInputException("inputSize", "the input size must be at least 1 cell, got " + inputSize);
        }
    }
}
