package org.geoprospect.grid;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A uniformly random subset of candidates (the set bits of a {@link BitSet}: cells, windows), drawn without
 * replacement by Floyd's algorithm over their ranks and mapped back in one ascending pass: {@code count} draws
 * whatever the number of candidates, so picking a few hundred of millions of cells stays cheap. Shared by labelling
 * here and patch sampling in {@code learn}.
 */
public final class RandomSubset {
    private RandomSubset() {
    }

    /**
     * @param candidates the candidates to choose from, not modified
     * @param count      how many to choose; all candidates when there are no more than that
     * @param random     the source of randomness; the same state and candidates give the same subset
     * @return min(count, candidates) of the candidates' indices, ascending
     */
    public static int[] choose(BitSet candidates, int count, SplittableRandom random) {
        int available = candidates.cardinality();
        int n = Math.min(Math.max(count, 0), available);
        Set<Integer> ranks = new HashSet<>();
        for (int j = available - n; j < available; j++) {
            int t = random.nextInt(j + 1);
            ranks.add(ranks.contains(t) ? j : t);
        }
        int[] chosen = new int[n];
        int rank = 0;
        int k = 0;
        for (int c = candidates.nextSetBit(0); c >= 0 && k < n; c = candidates.nextSetBit(c + 1), rank++) {
            if (ranks.contains(rank)) {
                chosen[k++] = c;
            }
        }
        return chosen;
    }
}
