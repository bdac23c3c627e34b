package org.geoprospect.learn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored baseline is ranked and calibrated on its margin: it must be the logit of its probability, and keep the
 * windows' order where a confident model's probability rounds to 0 or 1 — else the stored baseline's AUC falls
 * below the baseline table's on the same fold (it did, on Murchison, when margins came from clamped probabilities).
 */
class BaselineMarginTest {
    @Test
    void theMarginIsTheLogitOfTheProbability() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[200][3];
        boolean[] ore = new boolean[200];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 3; c++) {
                x[i][c] = random.nextGaussian();
            }
            ore[i] = x[i][0] - 0.5 * x[i][2] + random.nextGaussian() > 0;
        }
        for (String kind : Baselines.KINDS) {
            WindowClassifier classifier = Baselines.fit(kind, x, ore, 7);
            for (double[] window : x) {
                double p = classifier.probability(window);
                if (p > 1e-6 && p < 1 - 1e-6) {
                    assertEquals(Math.log(p / (1 - p)), classifier.margin(window), 1e-9, kind);
                }
            }
        }
    }

    @Test
    void windowsKeepTheirOrderWhereTheProbabilityRoundsToOne() {
        ElementClassifier steep = new ElementClassifier(0, 1, 10, 0); // p = σ(10 x)
        assertEquals(1.0, steep.probability(new double[] {5}));
        assertEquals(1.0, steep.probability(new double[] {6}));
        assertTrue(steep.margin(new double[] {6}) > steep.margin(new double[] {5}));
        assertEquals(60, steep.margin(new double[] {6}), 1e-12);

        double[][] x = new double[60][1];
        boolean[] ore = new boolean[60];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = i < 30 ? -3 - i * 0.1 : 3 + i * 0.1; // separable: the regression's weight grows large
            ore[i] = i >= 30;
        }
        WindowClassifier logistic = Baselines.fit("logistic", x, ore, 1);
        double previous = Double.NEGATIVE_INFINITY;
        for (double[] window : x) {
            double margin = logistic.margin(window);
            assertTrue(Double.isFinite(margin) && (window[0] < 0 || margin > previous), window[0] + ": " + margin);
            previous = window[0] < 0 ? previous : margin;
        }
    }
}
