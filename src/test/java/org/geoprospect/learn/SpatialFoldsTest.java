package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpatialFoldsTest {
    /** 40 ore patches of 8 deposits in 7 of 16 blocks, 120 no-ore patches. */
    private static final PatchDataset DATASET = PatchSamplerTest.sample(PatchSamplerTest.parameters().optNegatives(120),
            PatchSamplerTest.RASTER, List.of("Cu"), PatchSamplerTest.DEPOSITS);

    /** The checks every split must pass, by brute force over its patches. */
    private static void assertLeakFree(PatchDataset dataset, SpatialFolds folds) {
        List<Patch> patches = dataset.patches();
        for (int f = 0; f < folds.folds(); f++) {
            int[] training = folds.trainingIndices(f);
            int[] validation = folds.validationIndices(f);
            Set<Integer> validationSet = new HashSet<>();
            Arrays.stream(validation).forEach(validationSet::add);
            for (int t : training) {
                assertFalse(validationSet.contains(t), "patch " + t + " on both sides of fold " + f);
                for (int v : validation) {
                    assertFalse(sharesACell(patches.get(t), patches.get(v)),
                            "training patch " + t + " shares a cell with validation patch " + v + " in fold " + f);
                }
            }
            assertEquals(patches.size() - validation.length - training.length, folds.droppedForOverlap(f));
            assertTrue(Arrays.stream(validation).anyMatch(v -> patches.get(v).ore()), "fold " + f + " validates ore");
            assertTrue(Arrays.stream(training).anyMatch(t -> patches.get(t).ore()), "fold " + f + " trains on ore");
            for (int deposit = 0; deposit < PatchSamplerTest.DEPOSIT_CELLS.length; deposit++) {
                int group = deposit;
                long inValidation = Arrays.stream(validation)
                        .filter(v -> patches.get(v).ore() && patches.get(v).group() == group).count();
                assertTrue(inValidation == 0 || inValidation == 5, "deposit " + deposit + " split in fold " + f);
            }
        }
    }

    /** Cell by cell, independently of {@link Patch#overlaps}. */
    private static boolean sharesACell(Patch a, Patch b) {
        for (int r = a.row(); r < a.row() + a.size(); r++) {
            for (int q = a.column(); q < a.column() + a.size(); q++) {
                if (b.contains(r, q)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void kFoldsValidateEachPatchOnceAndNeverTrainOnAValidationCell() {
        for (int k : new int[] {2, 3, 5}) {
            SpatialFolds folds = SpatialFolds.split(DATASET, k, 11);

            assertEquals(k, folds.folds());
            assertLeakFree(DATASET, folds);
            int[] all = IntStream.range(0, k).flatMap(f -> Arrays.stream(folds.validationIndices(f))).sorted()
                    .toArray();
            assertArrayEquals(IntStream.range(0, DATASET.patches().size()).toArray(), all,
                    "each patch validates in exactly one fold");
        }
    }

    @Test
    void foldsAreBalancedByOrePatches() {
        SpatialFolds folds = SpatialFolds.split(DATASET, 3, 11);

        // blocks hold 5, 5, 5, 5, 5, 5 and 10 ore patches: the best split is 15/15/10 or 10/15/15 …
        for (int f = 0; f < 3; f++) {
            long ore = Arrays.stream(folds.validationIndices(f)).filter(i -> DATASET.patches().get(i).ore()).count();
            assertTrue(ore == 10 || ore == 15, "fold " + f + " validates " + ore + " ore patches");
        }
    }

    @Test
    void aSingleHoldOutIsOneDiscOfBlocksWithAboutAFifthOfTheOre() {
        SpatialFolds folds = SpatialFolds.split(DATASET, 1, 3);

        assertEquals(1, folds.folds());
        assertLeakFree(DATASET, folds);
        List<Patch> patches = DATASET.patches();
        long ore = Arrays.stream(folds.validationIndices(0)).filter(i -> patches.get(i).ore()).count();
        assertEquals(10, ore, "of 40 ore patches in blocks of 5 and 10, 10 is nearest a fifth");
        Set<Integer> validationBlocks = new HashSet<>();
        Arrays.stream(folds.validationIndices(0)).forEach(i -> validationBlocks.add(patches.get(i).block()));
        Set<Integer> otherBlocks = new HashSet<>();
        patches.forEach(p -> otherBlocks.add(p.block()));
        otherBlocks.removeAll(validationBlocks);
        SpatialBlocks blocks = DATASET.blocks();
        boolean disc = validationBlocks.stream().anyMatch(centre -> {
            double inner = validationBlocks.stream().mapToDouble(b -> apart(blocks, centre, b)).max().orElseThrow();
            double outer = otherBlocks.stream().mapToDouble(b -> apart(blocks, centre, b)).min().orElseThrow();
            return inner <= outer;
        });
        assertTrue(disc, "validation blocks " + validationBlocks + " are the blocks nearest some centre");
    }

    private static double apart(SpatialBlocks blocks, int a, int b) {
        return Math.hypot(blocks.blockRow(a) - blocks.blockRow(b), blocks.blockColumn(a) - blocks.blockColumn(b));
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndOtherSeedsOthers() {
        SpatialFolds a = SpatialFolds.split(DATASET, 3, 11);
        SpatialFolds b = SpatialFolds.split(DATASET, 3, 11);
        Set<String> splits = new HashSet<>();

        for (int f = 0; f < 3; f++) {
            assertArrayEquals(a.trainingIndices(f), b.trainingIndices(f));
            assertArrayEquals(a.validationIndices(f), b.validationIndices(f));
        }
        for (long seed = 0; seed < 10; seed++) {
            splits.add(Arrays.toString(SpatialFolds.split(DATASET, 3, seed).validationIndices(0)));
        }
        assertTrue(splits.size() > 1, "seeds change the split");
    }

    /**
     * Blocks of 10 × 10 cells, two side by side; patches of 4 cells: ore A in block 0 and B in block 1, no-ore C
     * (columns 6–9, centre in block 0) and D (columns 8–11, centre in block 1) share columns 8 and 9.
     */
    @Test
    void trainingPatchesOverlappingValidationAreDroppedAndCounted() {
        Patch a = patch(true, 0, 0, 0);
        Patch b = patch(true, 14, 1, 1);
        Patch c = patch(false, 6, 0, 0);
        Patch d = patch(false, 8, 1, 1);
        Patch e = patch(false, 18, 2, 1); // no-ore patches clear of the other block: each side keeps both classes
        Patch g = patch(false, 1, 3, 0);
        PatchDataset dataset = new PatchDataset(List.of(a, b, c, d, e, g), List.of("Cu"),
                new SpatialBlocks(10, 2, 1), new PatchReport(2, 4, 4, 4, 2, List.of(), List.of(), List.of()));

        SpatialFolds folds = SpatialFolds.split(dataset, 2, 0);

        List<String> sides = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            assertEquals(1, folds.droppedForOverlap(f));
            sides.add(Arrays.toString(folds.validationIndices(f)) + " " + Arrays.toString(folds.trainingIndices(f)));
        }
        sides.sort(null);
        assertEquals(List.of("[0, 2, 5] [1, 4]", "[1, 3, 4] [0, 5]"), sides);
    }

    @Test
    void aFoldLeftWithOneClassOnASideIsAnInputErrorNamingWhatToChange() {
        // the only no-ore patch of block 1 overlaps block 0's: validating block 0 leaves no no-ore to train on
        Patch a = patch(true, 0, 0, 0);
        Patch b = patch(true, 14, 1, 1);
        Patch c = patch(false, 6, 0, 0);
        Patch d = patch(false, 8, 1, 1);
        PatchDataset dataset = new PatchDataset(List.of(a, b, c, d), List.of("Cu"), new SpatialBlocks(10, 2, 1),
                new PatchReport(2, 2, 2, 2, 2, List.of(), List.of(), List.of()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SpatialFolds.split(dataset, 2, 0));
        assertTrue(e.getMessage().contains("lacks ore or no-ore patches on one side"), e.getMessage());
        assertTrue(e.getMessage().contains("'blockSize'"), e.getMessage());
    }

    private static Patch patch(boolean ore, int column, int group, int block) {
        return new Patch(new float[16], 1, 4, ore, 0, column, group, block);
    }

    @Test
    void moreFoldsThanBlocksWithOreIsAnInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SpatialFolds.split(DATASET, 8, 0));

        assertEquals("folds", e.input());
        assertTrue(e.getMessage().contains("7 spatial block(s)"), e.getMessage());
    }
}
