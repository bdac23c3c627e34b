package org.geoprospect.learn;

import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

import java.util.Properties;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Platt scaling recovers how over- or under-confident, and how shifted, a network's margins are. */
class CalibrationTest {
    /**
     * Classes drawn from a known logistic model, margins then multiplied by {@code factor}: a network that is
     * {@code factor} times too confident; the fitted temperature must undo it.
     */
    private static Calibration fitted(double factor, long seed) {
        return fitted(factor, 0, seed);
    }

    /** As above, the margins also shifted by {@code shift}: a network that leans to one class. */
    private static Calibration fitted(double factor, double shift, long seed) {
        Random random = new Random(seed);
        int n = 4000;
        double[] margins = new double[n];
        boolean[] ore = new boolean[n];
        for (int i = 0; i < n; i++) {
            double trueMargin = random.nextGaussian() * 2;
            ore[i] = random.nextDouble() < 1 / (1 + Math.exp(-trueMargin));
            margins[i] = factor * trueMargin + shift;
        }
        return Calibration.fit(margins, ore);
    }

    @Test
    void anOverconfidentNetworkIsCooledAndItsCalibrationErrorFalls() {
        Calibration c = fitted(5, 1);
        assertEquals(0.2, c.slope(), 0.02);
        assertEquals(0, c.intercept(), 0.1);
        assertTrue(c.nllAfter() < c.nllBefore(), c.toString());
        assertTrue(c.eceAfter() < c.eceBefore() / 2, c.toString());
    }

    @Test
    void anUnderconfidentNetworkIsSharpenedAndAWellCalibratedOneLeftAlone() {
        assertEquals(4, fitted(0.25, 2).slope(), 0.6);
        Calibration calibrated = fitted(1, 3);
        assertEquals(1, calibrated.slope(), 0.12);
        assertEquals(0, calibrated.intercept(), 0.12);
        assertEquals(calibrated.nllBefore(), calibrated.nllAfter(), 0.002, "nothing to gain");
    }

    /** What temperature scaling cannot mend: a network whose margins lean 3 logits towards ore. */
    @Test
    void aShiftedNetworkIsShiftedBack() {
        Calibration c = fitted(1, 3, 4);
        assertEquals(-3, c.intercept(), 0.25);
        assertEquals(1, c.slope(), 0.12);
        assertTrue(c.eceAfter() < c.eceBefore() / 3, c.toString());
        assertEquals(0.5, c.probability(3), 0.06, "a margin of 3 was a coin toss");
    }

    /**
     * A network whose margins are all in the hundreds (a validation loss of 85 on a small real region): at a slope
     * of 1 every σ is exactly 0 or 1 in double precision, so the likelihood is flat there. The fit must still find
     * the small slope, as Smile's logistic regression of the classes on the margins does (an independent fit;
     * Platt's soft targets differ from 0 and 1 by 1/(n + 2), so the two agree closely at this size).
     */
    @Test
    void hugeMarginsAreCalibratedAsALogisticRegressionOfTheClassesOnThem() {
        Random random = new Random(5);
        int n = 3000;
        double[] margins = new double[n];
        double[][] x = new double[n][1];
        boolean[] ore = new boolean[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            margins[i] = (random.nextBoolean() ? 1 : -1) * (60 + 200 * random.nextDouble());
            ore[i] = random.nextDouble() < 1 / (1 + Math.exp(-margins[i] / 100));
            y[i] = ore[i] ? 1 : 0;
            x[i][0] = margins[i];
        }
        Calibration c = Calibration.fit(margins, ore);
        Properties options = new Properties();
        options.setProperty("smile.logistic.lambda", "0");
        double[] w = LogisticRegression.binomial(x, y, options).coefficients(); // slope, then intercept
        assertEquals(w[0], c.slope(), 0.05 * w[0], c.toString());
        assertEquals(w[1], c.intercept(), 0.05, c.toString());
        assertEquals(0.01, c.slope(), 0.002, "the margins' inflation undone: " + c);
        assertTrue(c.eceAfter() < c.eceBefore() / 4, c.toString());
    }

    /** A ranking backwards on the validation patches, its margins far from 0: the ore share, whatever the margin. */
    @Test
    void aBackwardRankingGetsNoSlopeAndTheOreShare() {
        Random random = new Random(6);
        int n = 200;
        double[] margins = new double[n];
        boolean[] ore = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double trueMargin = random.nextGaussian();
            ore[i] = random.nextDouble() < 1 / (1 + Math.exp(-trueMargin));
            count += ore[i] ? 1 : 0;
            margins[i] = 150 - 100 * trueMargin;
        }
        Calibration c = Calibration.fit(margins, ore);
        assertTrue(c.slope() > 0 && c.slope() < 1e-5, c.toString());
        double share = (double) count / n;
        assertEquals(share, c.probability(150), 0.01, c.toString());
        assertEquals(share, c.probability(-150), 0.01, c.toString());
        assertTrue(c.eceAfter() < 0.02, c.toString());
    }

    @Test
    void separableOrTinySetsKeepAFiniteSlope() {
        double[] margins = {-2, -1, 1, 2};
        boolean[] ore = {false, false, true, true};
        Calibration c = Calibration.fit(margins, ore);
        assertTrue(Double.isFinite(c.slope()) && c.slope() > 0 && c.slope() < 10, c.toString());
        assertTrue(c.probability(2) < 0.99, "Platt's targets keep it from certainty: " + c);
    }

    @Test
    void theReliabilityDiagramsBinsHoldMeanProbabilityAndOreShare() {
        double[] margins = {-10, -10, 10, 10, 0};
        boolean[] ore = {false, false, true, false, true};
        double[][] r = Calibration.reliability(margins, ore, 1, 0);
        assertEquals(3, r[0].length, "three non-empty bins");
        assertEquals(0, r[1][0], 1e-9);
        assertEquals(1, r[1][1], 1e-9, "the one patch at 0.5 is ore");
        assertEquals(0.5, r[1][2], 1e-9, "one of two confident patches is ore");
        assertEquals(0.5, r[0][1], 1e-9);
        // |mean p − share| weighted by patches: bin 0: 2 × 4.5e-5, bin 2: 2 × 0.49995, bin 1: 0.5 → /5
        assertEquals((2 * 4.5398e-5 + 0.5 + 2 * 0.4999546) / 5, Calibration.ece(margins, ore, 1, 0), 1e-5);
        assertEquals(0.5, new Calibration(2, 0, 0, 0, 0, 0).probability(0), 1e-12);
        assertEquals(1 / (1 + Math.exp(-1.5)), new Calibration(0.5, 1, 0, 0, 0, 0).probability(1), 1e-12);
    }
}
