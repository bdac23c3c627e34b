package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassificationMetricsTest {
    @Test
    void countsFromLabelsAndFromScores() {
        boolean[] actual = {true, true, true, true, true, false, false, false, false, false};
        boolean[] predicted = {true, true, true, false, false, true, false, false, false, false};
        assertEquals(new ConfusionMatrix(3, 1, 4, 2), ConfusionMatrix.of(actual, predicted));
        // score ≥ 0.5 is ore; 0.5 itself counts
        double[] scores = {0.9, 0.5, 0.7, 0.4, 0.1, 0.6, 0.49, 0.2, 0.3, 0.0};
        assertEquals(new ConfusionMatrix(3, 1, 4, 2), ConfusionMatrix.atThreshold(scores, actual, 0.5));
    }

    @Test
    void metricsByHand() {
        // tp = 3, fp = 1, tn = 4, fn = 2
        ClassificationMetrics m = ClassificationMetrics.of(new ConfusionMatrix(3, 1, 4, 2));
        assertEquals(7.0 / 10, m.accuracy(), 1e-15);
        assertEquals(3.0 / 4, m.precision(), 1e-15);
        assertEquals(3.0 / 5, m.recall(), 1e-15);
        assertEquals(4.0 / 5, m.specificity(), 1e-15);
        // F1(ore) = 2·(3/4)(3/5)/(3/4 + 3/5) = 2/3; F1(no ore): precision 4/6, recall 4/5 → 2·(8/15)/(22/15) = 8/11
        assertEquals(2.0 / 3, m.f1Ore(), 1e-15);
        assertEquals(8.0 / 11, m.f1NoOre(), 1e-15);
        assertEquals(23.0 / 33, m.macroF1(), 1e-15);
        assertEquals(Set.of(), m.zeroDivision());
    }

    @Test
    void noPredictedOreGivesZeroPrecisionWithAFlag() {
        // tp = 0, fp = 0, tn = 5, fn = 3: precision 0/0 is undefined; recall 0/3 and F1(ore) 0/3 are measured zeros
        ClassificationMetrics m = ClassificationMetrics.of(new ConfusionMatrix(0, 0, 5, 3));
        assertEquals(0.0, m.precision());
        assertEquals(0.0, m.recall());
        assertEquals(0.0, m.f1Ore());
        assertEquals(10.0 / 13, m.f1NoOre(), 1e-15);
        assertEquals(5.0 / 13, m.macroF1(), 1e-15);
        assertEquals(List.of("precision"), List.copyOf(m.zeroDivision()));
    }

    @Test
    void noOreAtAllFlagsEveryOreRatio() {
        ClassificationMetrics m = ClassificationMetrics.of(new ConfusionMatrix(0, 0, 4, 0));
        assertEquals(1.0, m.accuracy());
        assertEquals(1.0, m.specificity());
        assertEquals(1.0, m.f1NoOre());
        assertEquals(0.5, m.macroF1());
        assertEquals(List.of("precision", "recall", "f1Ore"), List.copyOf(m.zeroDivision()));
        ClassificationMetrics empty = ClassificationMetrics.of(new ConfusionMatrix(0, 0, 0, 0));
        assertEquals(List.of("accuracy", "precision", "recall", "specificity", "f1Ore", "f1NoOre"),
                List.copyOf(empty.zeroDivision()));
        assertEquals(0.0, empty.macroF1());
    }

    @Test
    void invalidCountsAndInputsAreRejected() {
        assertThrows(InvalidInputException.class, () -> new ConfusionMatrix(-1, 0, 0, 0));
        assertThrows(InvalidInputException.class,
                () -> ConfusionMatrix.of(new boolean[] {true}, new boolean[] {true, false}));
        assertThrows(InvalidInputException.class,
                () -> ConfusionMatrix.atThreshold(new double[] {Double.NaN}, new boolean[] {true}, 0.5));
    }
}
