package org.geoprospect.learn;

import java.util.List;

/**
 * The epochs that {@link Trainer} ran and which of them the returned weights come from.
 *
 * @param epochs       one entry per epoch run, in order
 * @param bestEpoch    the 1-based epoch with the highest validation AUC (of equal AUCs, the lowest validation loss),
 *                     whose weights were kept
 * @param stoppedEarly true when training stopped before the epoch limit because the validation AUC stopped improving
 */
public record TrainingHistory(List<EpochMetrics> epochs, int bestEpoch, boolean stoppedEarly) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
        if (bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " of " + epochs.size() + " epochs");
        }
    }

    /** The metrics of {@link #bestEpoch()}. */
    public EpochMetrics best() {
        return epochs.get(bestEpoch - 1);
    }
}
