package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SelectionRuleTest {
    private static final float N = Float.NaN;

    @Test
    void thresholdTakesCellsAtOrAboveItAndNeverNoData() {
        SelectionRule.Selection s = SelectionRule.threshold(0.5).apply(new float[] {0.2f, 0.5f, N, 0.9f, 0.49f});
        assertEquals("{1, 3}", s.cells().toString());
        assertEquals(0.5, s.cutoff());
        assertEquals(4, s.studyCells());
        assertEquals(0.5, s.areaShare(), 1e-12);
    }

    @Test
    void topAreaTakesTheMostProbableShareOfTheCellsWithData() {
        float[] p = new float[1000];
        for (int i = 0; i < p.length; i++) {
            p[i] = i / 1000f;
        }
        SelectionRule.Selection s = SelectionRule.topArea(0.1).apply(p);
        assertEquals(100, s.cells().cardinality()); // exactly 10 %, not 101 for rounding
        assertEquals(900, s.cells().nextSetBit(0));
        assertEquals(0.1, s.areaShare(), 1e-12);
        // no-data cells are outside the study area: the share is of the other cells
        float[] half = new float[20];
        for (int i = 0; i < 20; i++) {
            half[i] = i < 10 ? N : i;
        }
        assertEquals("{18, 19}", SelectionRule.topArea(0.2).apply(half).cells().toString());
    }

    @Test
    void tiesAtTheCutOffAreTakenTogetherAndTheShareSaysSo() {
        // tiles: cells share their tile's probability, so a share cannot split a tile
        float[] p = {0.9f, 0.9f, 0.7f, 0.7f, 0.7f, 0.7f, 0.1f, 0.1f, 0.1f, 0.1f};
        SelectionRule.Selection s = SelectionRule.topArea(0.3).apply(p);
        assertEquals(6, s.cells().cardinality());
        assertEquals(0.6, s.areaShare(), 1e-12);
        assertEquals(0.7f, (float) s.cutoff());
    }

    @Test
    void refusesValuesOutsideTheirRange() {
        assertEquals("threshold", assertThrows(InvalidInputException.class,
                () -> SelectionRule.threshold(1.5)).input());
        assertEquals("topArea", assertThrows(InvalidInputException.class, () -> SelectionRule.topArea(0)).input());
    }
}
