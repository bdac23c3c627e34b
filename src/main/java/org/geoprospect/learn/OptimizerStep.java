package org.geoprospect.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;

/**
 * One optimizer step on a batch already in tensors, as every training here takes it: forward pass, the trainer's
 * loss, backward pass inside a {@link GradientTurn}, the loss read, then the optimizer's update. {@link Trainer},
 * {@link TrainingStepCheck} and {@link TrainingThroughput} all step through it, so that what the self-check checks
 * and the benchmark times is what training does.
 *
 * @param logits the batch's logits, in the inputs' manager
 * @param loss   the batch's mean loss
 */
record OptimizerStep(NDArray logits, float loss) {
    /**
     * @param trainer DJL's trainer of the model, with its loss and optimizer
     * @param inputs  the batch
     * @param labels  its classes
     */
    static OptimizerStep take(ai.djl.training.Trainer trainer, NDArray inputs, NDArray labels) {
        NDArray logits;
        float loss;
        try (GradientTurn turn = GradientTurn.take();
             GradientCollector collector = trainer.newGradientCollector()) {
            logits = trainer.forward(new NDList(inputs)).singletonOrThrow();
            NDArray l = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
            collector.backward(l);
            loss = l.getFloat();
        }
        trainer.step();
        return new OptimizerStep(logits, loss);
    }
}
