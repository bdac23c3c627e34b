package org.geoprospect.select;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StratifiedFoldsTest {

    @Test
    void eachFoldHoldsItsShareOfEachClass() {
        int[] fold = StratifiedFolds.assign(13, 27, 5, 1);
        int[] positives = new int[5];
        int[] negatives = new int[5];
        for (int i = 0; i < fold.length; i++) {
            (i < 13 ? positives : negatives)[fold[i]]++;
        }
        for (int k = 0; k < 5; k++) {
            assertTrue(positives[k] == 2 || positives[k] == 3, "positives in fold " + k + ": " + positives[k]);
            assertTrue(negatives[k] == 5 || negatives[k] == 6, "negatives in fold " + k + ": " + negatives[k]);
            assertEquals(8, positives[k] + negatives[k], "fold " + k);
        }
    }

    @Test
    void reproducibleBySeed() {
        assertArrayEquals(StratifiedFolds.assign(30, 30, 5, 7), StratifiedFolds.assign(30, 30, 5, 7));
        assertFalse(java.util.Arrays.equals(StratifiedFolds.assign(30, 30, 5, 7),
                StratifiedFolds.assign(30, 30, 5, 8)));
    }
}
