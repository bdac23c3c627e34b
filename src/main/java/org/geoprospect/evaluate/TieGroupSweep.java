package org.geoprospect.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The sweep shared by the ROC and success-rate curves: items ranked by score, highest first, and two weights summed
 * cumulatively, one step per group of tied scores (so a tie group is one diagonal segment, never an order-dependent
 * staircase; Fawcett 2006, algorithm 2). For the ROC the weights are "is negative" and "is positive"; for the
 * success-rate curve they are "one cell of area" and "deposits in the cell". O(n log n).
 */
final class TieGroupSweep {
    /** Cumulative weights {@code x} and {@code y} over every item scoring at least {@code threshold}. */
    record Step(double threshold, double x, double y) { }

    private TieGroupSweep() {
    }

    /**
     * @param scores   no NaN (callers check, naming their input)
     * @param xWeights one per score
     * @param yWeights one per score
     * @return one step per distinct score, thresholds descending; the start (0, 0) is not included
     */
    static List<Step> sweep(double[] scores, double[] xWeights, double[] yWeights) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Step> steps = new ArrayList<>();
        double x = 0;
        double y = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            x += xWeights[i];
            y += yWeights[i];
            boolean groupEnds = k + 1 == order.length || scores[order[k + 1]] != scores[i];
            if (groupEnds) {
                steps.add(new Step(scores[i], x, y));
            }
        }
        return steps;
    }

    /** Area under the polyline through {@code (xs[i], ys[i])} by the trapezoid rule; xs non-decreasing. */
    static double trapezoidArea(double[] xs, double[] ys) {
        double area = 0;
        for (int i = 1; i < xs.length; i++) {
            area += (xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1]) / 2;
        }
        return area;
    }
}
