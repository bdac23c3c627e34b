package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The baselines score the CNN's validation patches from what the training patches teach them. */
class BaselinesTest {
    private static final int SIZE = 8;
    private static final int PATCHES = 200;

    /** Channels 0, 2 and 3 are noise; channel 1 ("Ni") is lower at ore (shifted by −1.5). */
    private static PatchDataset dataset(long seed) {
        Random random = new Random(seed);
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < PATCHES; i++) {
            boolean ore = i % 2 == 0;
            float[] values = new float[4 * SIZE * SIZE];
            double[] shift = {0, ore ? -1.5 : 0, 0, 0};
            for (int c = 0; c < 4; c++) {
                double level = random.nextGaussian() * 0.5 + shift[c];
                for (int k = 0; k < SIZE * SIZE; k++) {
                    values[c * SIZE * SIZE + k] = (float) (level + random.nextGaussian() * 0.3);
                }
            }
            patches.add(new Patch(values, 4, SIZE, ore, 0, 0, i, 0));
        }
        int ore = PATCHES / 2;
        return new PatchDataset(patches, List.of("noise", "Ni", "Cu", "Zn"), new SpatialBlocks(SIZE * 4, 1, 1),
                new PatchReport(ore, ore, ore, ore, ore, List.of(), List.of(), List.of()));
    }

    @Test
    void theBestElementIsChosenOnTrainingWithItsSignAndEveryBaselineScoresTheValidationPatches() {
        PatchDataset data = dataset(1);
        int[] training = IntStream.range(0, PATCHES).filter(i -> i % 4 >= 2).toArray();
        int[] validation = IntStream.range(0, PATCHES).filter(i -> i % 4 < 2).toArray();
        Baselines.Result r = Baselines.score(data, training, validation, 6, 7);
        assertEquals("Ni", r.element());
        assertEquals(-1, r.sign(), "Ni is depleted at ore: lower is more ore-like");
        assertTrue(r.elementAuc() > 0.9, r.toString());
        assertTrue(r.logisticAuc() > 0.9, r.toString());
        assertTrue(r.forestAuc() > 0.85, r.toString());
        assertEquals(r, Baselines.score(data, training, validation, 6, 7), "the same seed, the same scores");
        // the figures of the scoring code before the baselines became WindowClassifiers
        assertArrayEquals(new double[] {0.9816, 0.982, 0.9632},
                new double[] {r.elementAuc(), r.logisticAuc(), r.forestAuc()}, 1e-12);
    }

    @Test
    void withoutSignalTheBaselinesAreNearChance() {
        PatchDataset signal = dataset(2);
        // the labels shuffled against the values: nothing to learn
        List<Patch> shuffled = new ArrayList<>();
        Random random = new Random(3);
        for (Patch p : signal.patches()) {
            shuffled.add(new Patch(p.values(), p.channels(), p.size(), random.nextBoolean(), 0, 0, p.group(), 0));
        }
        PatchDataset noise = new PatchDataset(shuffled, signal.elements(), signal.blocks(), signal.report());
        int[] training = IntStream.range(0, PATCHES / 2).toArray();
        int[] validation = IntStream.range(PATCHES / 2, PATCHES).toArray();
        Baselines.Result r = Baselines.score(noise, training, validation, 6, 7);
        for (double auc : new double[] {r.elementAuc(), r.logisticAuc(), r.forestAuc()}) {
            assertTrue(Math.abs(auc - 0.5) < 0.2, r.toString());
        }
    }

    @Test
    void windowMeansAreEachChannelsMeanAndAPatchCentreCropGivesTheSame() {
        // value (c, r, q) = 100c + 10r + q over 3 × 3 cells: channel c's mean is 100c + 11
        float[] window = new float[2 * 3 * 3];
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < 3; r++) {
                for (int q = 0; q < 3; q++) {
                    window[(c * 3 + r) * 3 + q] = 100 * c + 10 * r + q;
                }
            }
        }
        assertArrayEquals(new double[] {11, 111}, Baselines.windowMeans(window, 2, 3), 1e-12);

        // the same window as the centre crop of a 5 × 5 patch whose rim holds other values
        float[] patch = new float[2 * 5 * 5];
        Arrays.fill(patch, 1000);
        for (int c = 0; c < 2; c++) {
            for (int r = 0; r < 3; r++) {
                System.arraycopy(window, (c * 3 + r) * 3, patch, (c * 5 + r + 1) * 5 + 1, 3);
            }
        }
        PatchDataset data = new PatchDataset(List.of(new Patch(patch, 2, 5, true, 0, 0, 0, 0)), List.of("Cu", "Ni"),
                new SpatialBlocks(20, 1, 1), new PatchReport(1, 0, 0, 0, 1, List.of(), List.of(), List.of()));
        assertArrayEquals(Baselines.windowMeans(window, 2, 3), Baselines.features(data, new int[] {0}, 3)[0]);
        assertThrows(IllegalArgumentException.class, () -> Baselines.windowMeans(window, 2, 4));
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKinds() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Baselines.fit("svm", new double[][] {{0}, {1}}, new boolean[] {false, true}, 1));
        assertEquals("network", e.input());
        assertTrue(e.getMessage().contains("element, logistic, forest"), e.getMessage());
    }
}
