package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A few SGD steps of a network on random patches, exactly as {@link Trainer} takes them (forward, softmax
 * cross-entropy, backward, step): the self-check that tells on the first day
 * whether a network can train on this machine at all. A native fault here kills the process, so hosts run it in
 * a worker.
 */
public final class TrainingStepCheck {
    private TrainingStepCheck() {
    }

    /**
     * @param losses  the loss of each step, before that step's update
     * @param seconds wall time of all steps, model building excluded
     */
    public record Result(NetworkArchitecture architecture, int inputSize, List<Double> losses, double seconds) {
        /** @return whether every loss is finite and the updates changed it */
        public boolean learns() {
            return losses.stream().allMatch(Double::isFinite) && losses.stream().distinct().count() > 1;
        }
    }

    /**
     * @param architecture the network
     * @param channels     input channels (elements)
     * @param inputSize    cells per input side
     * @param batch        patches per step
     * @param steps        optimizer steps, at least 2
     */
    public static Result run(NetworkArchitecture architecture, int channels, int inputSize, int batch, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("a check needs at least 2 steps, got " + steps);
        }
        Engine.getInstance().setRandomSeed(7);
        NetworkSpec spec = new NetworkSpec(architecture, channels, 2, inputSize);
        Random random = new Random(7);
        float[] values = new float[batch * channels * inputSize * inputSize];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        float[] labels = new float[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 2;
        }
        List<Double> losses = new ArrayList<>();
        try (Model model = Networks.newModel(spec);
             ai.djl.training.Trainer trainer = model.newTrainer(new DefaultTrainingConfig(
                     Loss.softmaxCrossEntropyLoss()).optOptimizer(Optimizer.sgd()
                     .setLearningRateTracker(Tracker.fixed(0.005f)).build()))) {
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                try (NDManager step = model.getNDManager().newSubManager()) {
                    NDArray x = step.create(values, new Shape(batch, channels, inputSize, inputSize));
                    losses.add((double) OptimizerStep.take(trainer, x, step.create(labels)).loss());
                }
            }
            return new Result(architecture, inputSize, losses, (System.nanoTime() - start) / 1e9);
        }
    }
}
