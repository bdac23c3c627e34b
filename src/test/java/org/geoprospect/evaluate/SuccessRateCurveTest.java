package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SuccessRateCurveTest {
    /*
     * 3×3 grid, row-major; cell 2 has no data, so the area is 8 cells.
     *   0.9  0.8  NaN
     *   0.5  0.8  0.1
     *   0.3  0.2  0.5
     * Deposits: two in cell 0, one in cell 4, one in cell 3, one in cell 2 (no data: left out, with a warning) → 4.
     * Ranked: 0.9 {0: 2 deposits} → (1/8, 2/4); 0.8 {1, 4: 1} → (3/8, 3/4); 0.5 {3, 8: 1} → (5/8, 1);
     * 0.3, 0.2, 0.1 → (6/8, 1), (7/8, 1), (1, 1).
     * AUC = 1/8·(0 + 1/2)/2 + 2/8·(1/2 + 3/4)/2 + 2/8·(3/4 + 1)/2 + 3/8·1 = (1 + 5 + 7 + 12)/32 = 25/32.
     */
    private static final float[] SCORES = {0.9f, 0.8f, Float.NaN, 0.5f, 0.8f, 0.1f, 0.3f, 0.2f, 0.5f};
    private static final int[] DEPOSITS = {0, 0, 4, 3, 2};

    @Test
    void curveAndAucByHand() {
        Warnings warnings = new Warnings();
        SuccessRateCurve curve = SuccessRateCurve.of(SCORES, DEPOSITS, warnings);
        List<SuccessRatePoint> expected = List.of(new SuccessRatePoint(0, 0), new SuccessRatePoint(1.0 / 8, 0.5),
                new SuccessRatePoint(3.0 / 8, 0.75), new SuccessRatePoint(5.0 / 8, 1),
                new SuccessRatePoint(6.0 / 8, 1), new SuccessRatePoint(7.0 / 8, 1), new SuccessRatePoint(1, 1));
        assertEquals(expected, curve.points());
        assertEquals(4, curve.deposits());
        assertEquals(25.0 / 32, curve.auc(), 1e-15);
        assertEquals(1, warnings.list().size());
    }

    @Test
    void captureInterpolatesWithinATieGroup() {
        SuccessRateCurve curve = SuccessRateCurve.of(SCORES, DEPOSITS, new Warnings());
        assertEquals(0.0, curve.captureAt(0));
        // the top 10 % is 0.8 of the best cell, which holds half the deposits
        assertEquals(0.4, curve.captureAt(0.1), 1e-15);
        // a quarter of the area: the best cell and half of the 0.8 tie group, which holds one deposit in two cells
        assertEquals(5.0 / 8, curve.captureAt(0.25), 1e-15);
        assertEquals(1.0, curve.captureAt(5.0 / 8));
        assertEquals(1.0, curve.captureAt(1));
        assertThrows(InvalidInputException.class, () -> curve.captureAt(1.1));
        assertThrows(InvalidInputException.class, () -> curve.captureAt(Double.NaN));
    }

    @Test
    void depositsOffTheGridOrWithoutDataAreReported() {
        assertThrows(InvalidInputException.class, () -> SuccessRateCurve.of(SCORES, new int[] {9}, new Warnings()));
        assertThrows(InvalidInputException.class, () -> SuccessRateCurve.of(SCORES, new int[] {2}, new Warnings()));
        assertThrows(InvalidInputException.class,
                () -> SuccessRateCurve.of(new float[] {Float.NaN}, new int[] {0}, new Warnings()));
    }
}
