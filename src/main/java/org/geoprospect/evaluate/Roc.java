package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The receiver operating characteristic of scores against binary labels (here: cell holds a deposit or not).
 * Scores are ranked descending and each group of tied scores is one step, so the curve does not depend on the
 * input order, runs from (0, 0) to (1, 1), and its trapezoid area equals the Mann–Whitney probability that a random
 * positive outscores a random negative, ties counted ½ (Fawcett 2006). With no positives or no negatives the rates
 * have no denominator: such a ROC {@link #isDefined() is not defined}, has no points and an empty {@link #auc()},
 * rather than carrying NaN downstream. Immutable and thread-safe.
 */
public final class Roc {
    private final int positives;
    private final int negatives;
    private final List<RocPoint> points;

    private Roc(int positives, int negatives, List<RocPoint> points) {
        this.positives = positives;
        this.negatives = negatives;
        this.points = points;
    }

    /**
     * @param scores   higher means more likely positive; ±infinity allowed
     * @param positive the labels, one per score
     * @throws InvalidInputException if a score is NaN or the lengths differ
     */
    public static Roc of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new InvalidInputException("labels", scores.length + " scores but " + positive.length + " labels");
        }
        requireNoNaN("scores", scores);
        double[] isNegative = new double[scores.length];
        double[] isPositive = new double[scores.length];
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            isPositive[i] = positive[i] ? 1 : 0;
            isNegative[i] = positive[i] ? 0 : 1;
            positives += positive[i] ? 1 : 0;
        }
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return new Roc(positives, negatives, List.of());
        }
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
        for (TieGroupSweep.Step step : TieGroupSweep.sweep(scores, isNegative, isPositive)) {
            points.add(new RocPoint(step.x() / negatives, step.y() / positives, step.threshold()));
        }
        return new Roc(positives, negatives, List.copyOf(points));
    }

    /**
     * The Mann–Whitney estimate of P(positive score &gt; negative score) + ½·P(equal), from the rank sum of the
     * positives with mid-ranks for ties: (R₁ − n₁(n₁+1)/2) / (n₁·n₂). O(n log n). Computed independently of the
     * curve, so it serves as a check on {@link #auc()}.
     *
     * @throws InvalidInputException if either array is empty or holds NaN
     */
    public static double mannWhitneyAuc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new InvalidInputException("labels", "AUC is undefined without " + (positives.length == 0
                    ? "positives" : "negatives"));
        }
        requireNoNaN("positives", positives);
        requireNoNaN("negatives", negatives);
        double[] all = new double[positives.length + negatives.length];
        System.arraycopy(positives, 0, all, 0, positives.length);
        System.arraycopy(negatives, 0, all, positives.length, negatives.length);
        Arrays.sort(all);
        double rankSum = 0;
        for (double p : positives) {
            rankSum += midRank(all, p);
        }
        double n1 = positives.length;
        return (rankSum - n1 * (n1 + 1) / 2) / (n1 * negatives.length);
    }

    /** The mean of the 1-based ranks that the values equal to {@code v} occupy in {@code sorted}. */
    private static double midRank(double[] sorted, double v) {
        int first = boundary(sorted, v, false);
        int pastLast = boundary(sorted, v, true);
        return (first + 1 + pastLast) / 2.0;
    }

    /** The first index holding a value &gt; v ({@code after}) or ≥ v (not {@code after}). */
    private static int boundary(double[] sorted, double v, boolean after) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v || after && sorted[mid] == v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void requireNoNaN(String input, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new InvalidInputException(input, "score " + i + " is NaN; leave out items without a score");
            }
        }
    }

    /** True when there is at least one positive and one negative, so that the rates and the AUC exist. */
    public boolean isDefined() {
        return !points.isEmpty();
    }

    /** From (0, 0) to (1, 1), one point per distinct score, thresholds descending; empty if not defined. */
    public List<RocPoint> points() {
        return points;
    }

    /** The area under {@link #points()} by the trapezoid rule; empty if not defined. */
    public OptionalDouble auc() {
        if (!isDefined()) {
            return OptionalDouble.empty();
        }
        double[] fpr = points.stream().mapToDouble(RocPoint::fpr).toArray();
        double[] tpr = points.stream().mapToDouble(RocPoint::tpr).toArray();
        return OptionalDouble.of(TieGroupSweep.trapezoidArea(fpr, tpr));
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return negatives;
    }
}
