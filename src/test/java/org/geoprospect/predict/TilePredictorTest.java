package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TilePredictorTest {
    private static final IntBinaryOperator SCORE = (r, c) -> 10 * r + c;

    @Test
    void thePapersTilesAreJudgedByTheirCentreCrop() {
        // 256-cell tiles, 256-cell patches cropped to 224: the window starts 16 cells into each tile
        assertArrayEquals(new int[] {16}, TilePredictor.starts(0, 256, 224, 256, 3072));
        assertArrayEquals(new int[] {2832}, TilePredictor.starts(2816, 256, 224, 256, 3072));
    }

    @Test
    void windowsNearTheEdgeAreShiftedInsideAndLargeTilesAreCoveredAtHalfAWindow() {
        assertArrayEquals(new int[] {0}, TilePredictor.starts(0, 5, 8, 10, 30)); // centred would start at -2
        assertArrayEquals(new int[] {22}, TilePredictor.starts(25, 5, 8, 10, 30)); // would end at 31
        assertArrayEquals(new int[] {0, 4, 7}, TilePredictor.starts(0, 15, 8, 10, 30));
    }

    @Test
    void eachTileTakesItsWindowsHighestProbabilityAndATileMostlyWithoutDataNone() {
        int width = 30;
        int height = 30;
        BitSet noData = new BitSet();
        for (int r = 15; r < 30; r++) {
            for (int c = 15; c < 30; c++) {
                if (r < 27 || c < 27) {
                    noData.set(r * width + c); // the south-east tile keeps 9 of 225 cells
                }
            }
        }
        noData.set(0); // one cell without data in the north-west tile
        FakeScores scores = new FakeScores(8, SCORE);
        TileLayout tiles = TileLayout.parse("2x2", width, height);
        ProbabilitySurface s = TilePredictor.predict(scores, noData, width, height, tiles, 10,
                ProgressListener.NONE, Cancellation.none());
        assertEquals(27, s.windows()); // 3 × 3 windows in each of three tiles
        // tile 1: rows and columns {0, 4, 7}: the highest is the window at (7, 7)
        assertEquals(FakeScores.probability(SCORE, 7, 7), s.tileProbability()[0], 1e-7);
        assertEquals(FakeScores.probability(SCORE, 7, 22), s.tileProbability()[1], 1e-7);
        assertEquals(FakeScores.probability(SCORE, 22, 7), s.tileProbability()[2], 1e-7);
        assertTrue(Double.isNaN(s.tileProbability()[3]));
        assertTrue(Float.isNaN(s.probability()[0]), "a cell without data gets no probability");
        assertEquals(s.tileProbability()[0], s.probability()[1], 1e-7);
        assertEquals(s.tileProbability()[1], s.probability()[5 * width + 20], 1e-7);
        assertTrue(Float.isNaN(s.probability()[29 * width + 29]));
        assertEquals(s.tileProbability()[1] / 10, s.spread()[20], 1e-7);
        assertEquals(s.tileProbability()[1] / 20, s.memberSpread()[20], 1e-7, "the judging window's, as the spread");
    }
}
