package org.geoprospect.learn;

/**
 * What one epoch of {@link Trainer} measured. Losses are softmax cross-entropy averaged over patches; training
 * values come from the augmented patches in training mode as the weights changed during the epoch, validation values
 * from the centre crops in inference mode after it.
 *
 * @param epoch              1-based
 * @param learningRate       the learning rate of this epoch
 * @param trainLoss          mean training loss
 * @param trainAccuracy      share of training patches classified right, in [0, 1]
 * @param validationLoss     mean validation loss
 * @param validationAccuracy share of validation patches classified right, in [0, 1]
 * @param validationAuc      area under the ROC of the validation patches' probability of "ore"
 * @param seconds            wall-clock time of the epoch, validation included
 */
public record EpochMetrics(int epoch, double learningRate, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy, double validationAuc, double seconds) {
}
