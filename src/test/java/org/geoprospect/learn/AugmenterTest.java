package org.geoprospect.learn;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.Raster;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmenterTest {
    /** Two channels of 3 × 3: 1 … 9 and 11 … 19, rows north-first. */
    private static final float[] THREE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    private static final Augmenter FLIPS_ONLY = new Augmenter(3, 3, 0);

    @Test
    void aHorizontalFlipMirrorsEachRowWestToEast() {
        float[] flipped = FLIPS_ONLY.apply(THREE, 2, new Augmentation(true, false, 0, 0));

        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7, 13, 12, 11, 16, 15, 14, 19, 18, 17}, flipped);
    }

    @Test
    void aVerticalFlipReversesTheRowsOfEachChannel() {
        float[] flipped = FLIPS_ONLY.apply(THREE, 2, new Augmentation(false, true, 0, 0));

        assertArrayEquals(new float[] {7, 8, 9, 4, 5, 6, 1, 2, 3, 17, 18, 19, 14, 15, 16, 11, 12, 13}, flipped);
    }

    @Test
    void bothFlipsTurnThePatchHalfWayAndTwiceGiveTheOriginal() {
        Augmentation both = new Augmentation(true, true, 0, 0);

        float[] once = FLIPS_ONLY.apply(THREE, 2, both);

        assertArrayEquals(new float[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 19, 18, 17, 16, 15, 14, 13, 12, 11}, once);
        assertArrayEquals(THREE, FLIPS_ONLY.apply(once, 2, both));
        for (boolean h : new boolean[] {false, true}) {
            Augmentation one = new Augmentation(h, !h, 0, 0);
            assertArrayEquals(THREE, FLIPS_ONLY.apply(FLIPS_ONLY.apply(THREE, 2, one), 2, one));
        }
    }

    /** channels × 8 × 8 values, value (c, r, q) = 100c + 10r + q. */
    private static float[] eightByEight(int channels) {
        float[] v = new float[channels * 64];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 * (i / 64) + 10 * (i / 8 % 8) + i % 8;
        }
        return v;
    }

    @Test
    void aCropIsTheMatchingWindowOfTheSource() {
        Augmenter augmenter = new Augmenter(8, 5, 0);

        float[] crop = augmenter.apply(eightByEight(2), 2, new Augmentation(false, false, 1, 3));

        assertEquals(2 * 25, crop.length);
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < 5; r++) {
                for (int q = 0; q < 5; q++) {
                    assertEquals(100 * c + 10 * (1 + r) + 3 + q, crop[(c * 5 + r) * 5 + q]);
                }
            }
        }
        float[] flipped = augmenter.apply(eightByEight(2), 2, new Augmentation(true, true, 1, 3));
        assertEquals(100 + 10 * 5 + 7, flipped[25], "the flips mirror the crop, not the whole patch");
    }

    @Test
    void theCentreCropStartsHalfTheSlackIn() {
        float[] crop = new Augmenter(8, 5, 0).centreCrop(eightByEight(1), 1);

        assertEquals(11, crop[0], "offset (8 − 5) / 2 = 1");
        assertEquals(55, crop[24]);
    }

    @Test
    void drawsAreReproducibleByEpochAndPatchAndCoverEveryFlipAndOffset() {
        Augmenter a = new Augmenter(8, 5, 42);
        Augmenter b = new Augmenter(8, 5, 42);
        Set<Augmentation> seen = new HashSet<>();
        Set<String> sequences = new HashSet<>();

        for (int patch = 0; patch < 50; patch++) {
            StringBuilder sequence = new StringBuilder();
            for (int epoch = 0; epoch < 40; epoch++) {
                Augmentation drawn = a.draw(epoch, patch);
                assertEquals(drawn, b.draw(epoch, patch));
                assertTrue(drawn.top() >= 0 && drawn.top() <= 3 && drawn.left() >= 0 && drawn.left() <= 3);
                seen.add(drawn);
                sequence.append(drawn);
            }
            sequences.add(sequence.toString());
        }

        assertEquals(2 * 2 * 4 * 4, seen.size(), "every combination of flips and offsets occurs");
        assertEquals(50, sequences.size(), "patches get different sequences over the epochs");
        assertTrue(!new Augmenter(8, 5, 43).draw(0, 0).equals(a.draw(0, 0))
                || !new Augmenter(8, 5, 43).draw(1, 0).equals(a.draw(1, 0))
                || !new Augmenter(8, 5, 43).draw(2, 0).equals(a.draw(2, 0)), "another seed, other draws");
    }

    @Test
    void onlyCellsTheMarginFromTheEdgeAreInEveryCrop() {
        int size = 64;
        int cropSize = 56;
        int margin = PatchParameters.builder().optSize(size).optCropSize(cropSize).build().margin();

        for (int d = 0; d < size; d++) {
            boolean inEvery = true;
            for (int offset = 0; offset <= size - cropSize; offset++) {
                inEvery &= d >= offset && d < offset + cropSize;
            }
            assertEquals(d >= margin && d <= size - 1 - margin, inEvery, "offset " + d);
        }
    }

    @Test
    void everyCropOfAnOrePatchStillHoldsItsDeposit() {
        // a marker band: deposit i's cell holds i + 1, every other cell 0
        int[][] cells = PatchSamplerTest.DEPOSIT_CELLS;
        float[] marker = new float[120 * 100];
        for (int i = 0; i < cells.length; i++) {
            marker[cells[i][0] * 120 + cells[i][1]] = i + 1;
        }
        Raster raster = new Raster(PatchSamplerTest.GRID, List.of(new Band("deposit", Map.of(), marker)), Map.of());
        PatchParameters parameters = PatchSamplerTest.parameters().optPositivesPerDeposit(30).build();
        PatchDataset d = new PatchSampler(parameters).sample(raster, List.of("deposit"), PatchSamplerTest.DEPOSITS,
                ProgressListener.NONE, Cancellation.none());
        Augmenter augmenter = new Augmenter(parameters.size(), parameters.cropSize(), 1);

        for (Patch p : d.patches().stream().filter(Patch::ore).toList()) {
            for (int top = 0; top <= p.size() - parameters.cropSize(); top++) {
                for (int left = 0; left <= p.size() - parameters.cropSize(); left++) {
                    float[] crop = augmenter.apply(p.values(), 1, new Augmentation(top % 2 == 0, left % 2 == 0, top,
                            left));
                    assertTrue(holds(crop, p.group() + 1), "deposit " + p.group() + " cropped out");
                }
            }
        }
    }

    private static boolean holds(float[] values, float value) {
        for (float v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aCropLargerThanThePatchIsRejected() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Augmenter(64, 65, 0));

        assertEquals("cropSize", e.input());
        assertThrows(IllegalArgumentException.class,
                () -> new Augmenter(8, 5, 0).apply(eightByEight(1), 1, new Augmentation(false, false, 4, 0)));
    }
}
