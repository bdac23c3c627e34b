package org.geoprospect.select;

import java.util.SplittableRandom;

/**
 * Assigns locations to cross-validation folds so that each fold holds the same share of positives and of
 * negatives (sizes differ by at most one), at random but reproducibly by seed.
 */
final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /**
     * @return per location (the positives first, then the negatives), its fold in [0, folds)
     */
    static int[] assign(int positives, int negatives, int folds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[positives + negatives];
        deal(fold, 0, positives, 0, folds, random);
        // the negatives continue the round where the positives stopped, to even out the folds' total sizes
        deal(fold, positives, negatives, positives % folds, folds, random);
        return fold;
    }

    /** Deals the locations [from, from + count) in a random order round-robin over the folds. */
    private static void deal(int[] fold, int from, int count, int firstFold, int folds, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            int j = random.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        for (int rank = 0; rank < count; rank++) {
            fold[from + order[rank]] = (firstFold + rank) % folds;
        }
    }
}
