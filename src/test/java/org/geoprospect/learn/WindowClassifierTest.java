package org.geoprospect.learn;

import org.geoprospect.evaluate.Roc;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each baseline learns from window means what separates ore from no ore, and says so as a probability. */
class WindowClassifierTest {
    private static final List<String> ELEMENTS = List.of("Cu", "Ni", "Zn");

    /**
     * Window means of three elements, every other window ore; at ore the signal element is shifted by
     * {@code shift} (in units of its noise), the others are noise.
     */
    record Windows(double[][] means, boolean[] ore) {
        static Windows of(long seed, int n, int signal, double shift) {
            Random random = new Random(seed);
            double[][] means = new double[n][ELEMENTS.size()];
            boolean[] ore = new boolean[n];
            for (int i = 0; i < n; i++) {
                ore[i] = i % 2 == 0;
                for (int c = 0; c < ELEMENTS.size(); c++) {
                    means[i][c] = random.nextGaussian() + (ore[i] && c == signal ? shift : 0);
                }
            }
            return new Windows(means, ore);
        }

        double[] probabilities(WindowClassifier classifier) {
            double[] p = new double[means.length];
            for (int i = 0; i < means.length; i++) {
                p[i] = classifier.probability(means[i]);
            }
            return p;
        }

        double auc(WindowClassifier classifier) {
            return Roc.of(probabilities(classifier), ore).auc().orElseThrow();
        }
    }

    @Test
    void theElementClassifierPicksTheSeparatingElementWithItsSign() {
        for (int sign : new int[] {1, -1}) {
            Windows training = Windows.of(1, 200, 1, sign * 3.0);
            ElementClassifier element = (ElementClassifier) Baselines.fit("element", training.means(),
                    training.ore(), 0);
            assertEquals(1, element.channel(), "Ni separates");
            assertEquals(sign, element.sign());
            // a probability, not only a ranking: well on the ore side above ½, well on the other side below
            assertTrue(element.probability(new double[] {0, sign * 3.0, 0}) > 0.8, element.toString());
            assertTrue(element.probability(new double[] {0, 0, 0}) < 0.2, element.toString());
            assertTrue(Windows.of(2, 200, 1, sign * 3.0).auc(element) > 0.9);
            assertTrue(element.describe(ELEMENTS).startsWith("Ni, " + (sign > 0 ? "higher" : "lower")),
                    element.describe(ELEMENTS));
        }
    }

    @Test
    void theLogisticClassifierGivesSmilesPosterioriAndSeparatesNewWindows() {
        Windows training = Windows.of(3, 300, 2, 3);
        WindowClassifier logistic = Baselines.fit("logistic", training.means(), training.ore(), 0);

        int[] labels = new int[training.ore().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = training.ore()[i] ? 1 : 0;
        }
        Properties options = new Properties();
        options.setProperty("smile.logistic.lambda", "0.01");
        LogisticRegression smile = LogisticRegression.fit(training.means(), labels, options);
        Windows test = Windows.of(4, 200, 2, 3);
        double[] posteriori = new double[2];
        for (double[] x : test.means()) {
            smile.predict(x, posteriori);
            assertEquals(posteriori[1], logistic.probability(x), 1e-15);
        }
        assertTrue(test.auc(logistic) > 0.9);
        assertTrue(logistic.describe(ELEMENTS).contains("·Zn"), logistic.describe(ELEMENTS));
    }

    @Test
    void theForestIsReproducibleForASeedAndSeparatesNewWindows() {
        Windows training = Windows.of(5, 200, 0, 2.5);
        Windows test = Windows.of(6, 200, 0, 2.5);
        WindowClassifier forest = Baselines.fit("forest", training.means(), training.ore(), 11);
        assertArrayEquals(test.probabilities(forest),
                test.probabilities(Baselines.fit("forest", training.means(), training.ore(), 11)));
        assertFalse(Arrays.equals(test.probabilities(forest),
                test.probabilities(Baselines.fit("forest", training.means(), training.ore(), 12))),
                "the seed draws the trees");
        assertTrue(test.auc(forest) > 0.85);
        assertTrue(forest.describe(ELEMENTS).contains("importance: Cu"), forest.describe(ELEMENTS));
    }
}
