package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowPredictorTest {
    private static final IntBinaryOperator SCORE = (r, c) -> (r * 7919 + c * 104729) % 1000;

    @Test
    void windowStartsStepByTheStrideAndTheLastIsFlushWithTheEdge() {
        assertArrayEquals(new int[] {0, 3, 6, 9, 12, 13}, SlidingWindowPredictor.starts(21, 8, 3));
        assertArrayEquals(new int[] {0, 4, 8, 12}, SlidingWindowPredictor.starts(20, 8, 4));
        assertArrayEquals(new int[] {0}, SlidingWindowPredictor.starts(8, 8, 5));
    }

    @Test
    void eachCellIsTheMeanOfTheWindowsCoveringItAsABruteForceCountGives() {
        int width = 37;
        int height = 29;
        int size = 8;
        int stride = 3;
        BitSet noData = new BitSet();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                if (c + r < 14 || (r > 20 && c > 30)) { // a no-data corner and a patch
                    noData.set(r * width + c);
                }
            }
        }
        ProbabilitySurface s = SlidingWindowPredictor.predict(new FakeScores(size, SCORE), noData, width, height,
                stride, ProgressListener.NONE, Cancellation.none());

        // brute force: every window on the lattice, kept when at most half its cells lack data
        List<int[]> windows = new ArrayList<>();
        for (int r : SlidingWindowPredictor.starts(height, size, stride)) {
            for (int c : SlidingWindowPredictor.starts(width, size, stride)) {
                int empty = 0;
                for (int i = r; i < r + size; i++) {
                    for (int j = c; j < c + size; j++) {
                        empty += noData.get(i * width + j) ? 1 : 0;
                    }
                }
                if (2 * empty <= size * size) {
                    windows.add(new int[] {r, c});
                }
            }
        }
        assertEquals(windows.size(), s.windows());
        int judged = 0;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double sum = 0;
                double spread = 0;
                int n = 0;
                for (int[] w : windows) {
                    if (w[0] <= r && r < w[0] + size && w[1] <= c && c < w[1] + size) {
                        float p = FakeScores.probability(SCORE, w[0], w[1]);
                        sum += p;
                        spread += p / 10;
                        n++;
                    }
                }
                float got = s.probability()[r * width + c];
                if (noData.get(r * width + c) || n == 0) {
                    assertTrue(Float.isNaN(got), "cell " + r + "," + c);
                } else {
                    judged++;
                    assertEquals(sum / n, got, 1e-6, "cell " + r + "," + c);
                    assertEquals(spread / n, s.spread()[r * width + c], 1e-6);
                    assertEquals(spread / 2 / n, s.memberSpread()[r * width + c], 1e-6, "members' spread like it");
                }
            }
        }
        assertTrue(judged > 800, "judged " + judged);
        assertEquals(null, s.tileProbability());
    }
}
