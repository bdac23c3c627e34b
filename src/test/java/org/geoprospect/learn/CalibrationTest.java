package org.geoprospect.learn;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Temperature scaling recovers how over- or under-confident a network's margins are. */
class CalibrationTest {
    /**
     * Classes drawn from a known logistic model, margins then multiplied by {@code factor}: a network that is
     * {@code factor} times too confident; the fitted temperature must undo it.
     */
    private static Calibration fitted(double factor, long seed) {
        Random random = new Random(seed);
        int n = 4000;
        double[] margins = new double[n];
        boolean[] ore = new boolean[n];
        for (int i = 0; i < n; i++) {
            double trueMargin = random.nextGaussian() * 2;
            ore[i] = random.nextDouble() < 1 / (1 + Math.exp(-trueMargin));
            margins[i] = factor * trueMargin;
        }
        return Calibration.fit(margins, ore);
    }

    @Test
    void anOverconfidentNetworkIsCooledAndItsCalibrationErrorFalls() {
        Calibration c = fitted(5, 1);
        assertEquals(5, c.temperature(), 0.5);
        assertTrue(c.nllAfter() < c.nllBefore(), c.toString());
        assertTrue(c.eceAfter() < c.eceBefore() / 2, c.toString());
    }

    @Test
    void anUnderconfidentNetworkIsSharpenedAndAWellCalibratedOneLeftAlone() {
        assertEquals(0.25, fitted(0.25, 2).temperature(), 0.04);
        Calibration calibrated = fitted(1, 3);
        assertEquals(1, calibrated.temperature(), 0.12);
        assertEquals(calibrated.nllBefore(), calibrated.nllAfter(), 0.002, "nothing to gain");
    }

    @Test
    void theReliabilityDiagramsBinsHoldMeanProbabilityAndOreShare() {
        double[] margins = {-10, -10, 10, 10, 0};
        boolean[] ore = {false, false, true, false, true};
        double[][] r = Calibration.reliability(margins, ore, 1);
        assertEquals(3, r[0].length, "three non-empty bins");
        assertEquals(0, r[1][0], 1e-9);
        assertEquals(1, r[1][1], 1e-9, "the one patch at 0.5 is ore");
        assertEquals(0.5, r[1][2], 1e-9, "one of two confident patches is ore");
        assertEquals(0.5, r[0][1], 1e-9);
        // |mean p − share| weighted by patches: bin 0: 2 × 4.5e-5, bin 2: 2 × 0.49995, bin 1: 0.5 → /5
        assertEquals((2 * 4.5398e-5 + 0.5 + 2 * 0.4999546) / 5, Calibration.ece(margins, ore, 1), 1e-5);
        assertEquals(0.5, new Calibration(2, 0, 0, 0, 0).probability(0), 1e-12);
    }
}
