package org.geoprospect.evaluate;

/**
 * One point of a ROC curve: calling every item with score ≥ {@code threshold} positive gives this false-positive
 * rate and true-positive rate. The curve's first point, (0, 0), calls nothing positive and carries the threshold
 * {@link Double#POSITIVE_INFINITY} by convention.
 */
public record RocPoint(double fpr, double tpr, double threshold) {
}
