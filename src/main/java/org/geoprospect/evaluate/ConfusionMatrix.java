package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;

/**
 * Counts of a binary "ore" (positive) / "no ore" (negative) classification against the truth.
 *
 * @param tp ore called ore
 * @param fp no ore called ore
 * @param tn no ore called no ore
 * @param fn ore called no ore
 */
public record ConfusionMatrix(int tp, int fp, int tn, int fn) {
    /** @throws InvalidInputException if a count is negative */
    public ConfusionMatrix {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new InvalidInputException("counts", "confusion counts cannot be negative: tp=" + tp + " fp=" + fp
                    + " tn=" + tn + " fn=" + fn);
        }
    }

    /**
     * @param actual    the truth, one per item
     * @param predicted the classifier's call, one per item
     * @throws InvalidInputException if the lengths differ
     */
    public static ConfusionMatrix of(boolean[] actual, boolean[] predicted) {
        if (actual.length != predicted.length) {
            throw new InvalidInputException("predicted", actual.length + " labels but " + predicted.length
                    + " predictions");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i]) {
                if (actual[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (actual[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /**
     * Calls an item ore when its score is ≥ {@code threshold}, the same rule as a {@link RocPoint}'s threshold.
     *
     * @throws InvalidInputException if the lengths differ or a score is NaN
     */
    public static ConfusionMatrix atThreshold(double[] scores, boolean[] actual, double threshold) {
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new InvalidInputException("scores", "score " + i + " is NaN; leave out items without a score");
            }
            predicted[i] = scores[i] >= threshold;
        }
        return of(actual, predicted);
    }

    public int total() {
        return tp + fp + tn + fn;
    }
}
