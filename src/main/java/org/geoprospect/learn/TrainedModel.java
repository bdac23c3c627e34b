package org.geoprospect.learn;

import ai.djl.Model;

/**
 * A model that {@link Trainer} trained, holding the weights of the best epoch, with the network it was built from
 * and its training history, ready to be saved. Holds native memory: close it (closing closes the model).
 *
 * @param model   the trained model; its block is a {@link Networks#newBlock(NetworkSpec)} of {@code spec}
 * @param spec    the network, for the manifest
 * @param history the epochs run
 */
public record TrainedModel(Model model, NetworkSpec spec, TrainingHistory history) implements AutoCloseable {
    @Override
    public void close() {
        model.close();
    }
}
