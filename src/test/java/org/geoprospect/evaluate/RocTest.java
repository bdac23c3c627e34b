package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RocTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /*
     * Positives 0.9, 0.8, 0.7; negatives 0.8, 0.6, 0.6. By pairs: 0.9 beats all three (3); 0.8 ties one and beats
     * two (2.5); 0.7 beats two (2): 7.5 of 9 pairs = 5/6. The curve: (0,0) → 0.9 (0, 1/3) → the 0.8 tie group one
     * diagonal step (1/3, 2/3) → 0.7 (1/3, 1) → the 0.6 group (1, 1). Trapezoids: 1/3·(1/3 + 2/3)/2 + 2/3·1 = 5/6.
     */
    private static final double[] SCORES = {0.9, 0.8, 0.8, 0.7, 0.6, 0.6};
    private static final boolean[] LABELS = {true, true, false, true, false, false};

    @Test
    void curveStepsOverTiedScoresTogether() {
        List<RocPoint> expected = List.of(new RocPoint(0, 0, INF), new RocPoint(0, 1.0 / 3, 0.9),
                new RocPoint(1.0 / 3, 2.0 / 3, 0.8), new RocPoint(1.0 / 3, 1, 0.7), new RocPoint(1, 1, 0.6));
        assertPointsEqual(expected, Roc.of(SCORES, LABELS).points());
        // the same items in another order, the tied negative before the tied positive
        double[] shuffled = {0.6, 0.8, 0.7, 0.6, 0.8, 0.9};
        boolean[] shuffledLabels = {false, false, true, false, true, true};
        assertPointsEqual(expected, Roc.of(shuffled, shuffledLabels).points());
    }

    @Test
    void aucByTrapezoidsAndByRanksAgreeWithHandCount() {
        assertEquals(5.0 / 6, Roc.of(SCORES, LABELS).auc().orElseThrow(), 1e-15);
        assertEquals(5.0 / 6, Roc.mannWhitneyAuc(new double[] {0.9, 0.8, 0.7}, new double[] {0.8, 0.6, 0.6}), 1e-15);
    }

    @Test
    void aucEqualsBruteForcePairCountWithManyTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + random.nextInt(200);
            double[] scores = new double[n];
            boolean[] labels = new boolean[n];
            for (int i = 0; i < n; i++) {
                labels[i] = random.nextDouble() < 0.4;
                // few distinct levels, so most scores are tied; positives slightly higher
                scores[i] = random.nextInt(6) + (labels[i] ? random.nextInt(3) : 0);
            }
            labels[0] = true;
            labels[1] = false;
            double[] pos = select(scores, labels, true);
            double[] neg = select(scores, labels, false);
            double pairs = 0;
            for (double p : pos) {
                for (double q : neg) {
                    pairs += p > q ? 1 : p == q ? 0.5 : 0;
                }
            }
            double expected = pairs / ((double) pos.length * neg.length);
            assertEquals(expected, Roc.of(scores, labels).auc().orElseThrow(), 1e-12);
            assertEquals(expected, Roc.mannWhitneyAuc(pos, neg), 1e-12);
        }
    }

    @Test
    void extremeCurves() {
        assertEquals(1.0, Roc.of(new double[] {3, 2, 1}, new boolean[] {true, true, false}).auc().orElseThrow());
        assertEquals(0.0, Roc.of(new double[] {3, 2, 1}, new boolean[] {false, true, true}).auc().orElseThrow());
        Roc allTied = Roc.of(new double[] {4, 4, 4, 4}, new boolean[] {true, false, false, true});
        assertPointsEqual(List.of(new RocPoint(0, 0, INF), new RocPoint(1, 1, 4)), allTied.points());
        assertEquals(0.5, allTied.auc().orElseThrow());
    }

    @Test
    void withoutPositivesOrNegativesTheRocIsUndefined() {
        Roc noPositives = Roc.of(new double[] {0.3, 0.2}, new boolean[] {false, false});
        assertFalse(noPositives.isDefined());
        assertTrue(noPositives.auc().isEmpty());
        assertTrue(noPositives.points().isEmpty());
        assertEquals(2, noPositives.negatives());
        assertFalse(Roc.of(new double[] {0.3}, new boolean[] {true}).isDefined());
        assertThrows(InvalidInputException.class, () -> Roc.mannWhitneyAuc(new double[0], new double[] {1}));
    }

    @Test
    void nanScoresAndMismatchedLengthsAreRejected() {
        assertThrows(InvalidInputException.class,
                () -> Roc.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}));
        assertThrows(InvalidInputException.class, () -> Roc.of(new double[] {0.1}, new boolean[] {true, false}));
        assertThrows(InvalidInputException.class,
                () -> Roc.mannWhitneyAuc(new double[] {Double.NaN}, new double[] {1}));
    }

    private static double[] select(double[] scores, boolean[] labels, boolean label) {
        return java.util.stream.IntStream.range(0, scores.length).filter(i -> labels[i] == label)
                .mapToDouble(i -> scores[i]).toArray();
    }

    private static void assertPointsEqual(List<RocPoint> expected, List<RocPoint> actual) {
        assertEquals(expected.size(), actual.size(), () -> "points: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).fpr(), actual.get(i).fpr(), 1e-15, "fpr " + i);
            assertEquals(expected.get(i).tpr(), actual.get(i).tpr(), 1e-15, "tpr " + i);
            assertEquals(expected.get(i).threshold(), actual.get(i).threshold(), "threshold " + i);
        }
    }
}
