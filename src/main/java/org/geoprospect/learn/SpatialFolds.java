package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Leakage-safe validation splits of a {@link PatchDataset}: whole {@link SpatialBlocks} go to one fold, because
 * random splits of spatially autocorrelated data put near-copies of validation patches in training and over-state
 * skill (Roberts et al. 2017, "Cross-validation strategies for data with temporal, spatial, hierarchical, or
 * phylogenetic structure"). A patch goes where its {@link Patch#block()} goes, so all ore patches of one deposit
 * share a side. Then any training patch that shares a cell with a validation patch of the same fold is dropped,
 * so no training patch ever holds a validation cell; {@link #droppedForOverlap} says how many.
 * <ul>
 * <li>k ≥ 2: the blocks are dealt to k folds, those with the most ore patches first, each to the fold with the
 * fewest ore patches so far (blocks with no-ore patches only: fewest no-ore patches), ties in a seeded random
 * order. Fold f validates on its blocks and trains on the rest.</li>
 * <li>k = 1: a single hold-out of one spatial region: the blocks nearest a seed block (a disc of blocks) holding
 * about {@value #HOLD_OUT_SHARE} of the ore patches and of the no-ore patches; of the seed blocks that hold ore,
 * the one whose disc comes closest to the ore share while leaving both classes on both sides.</li>
 * </ul>
 * Comparing training against validation patches costs their product per fold, trivial for datasets of thousands
 * of patches. Immutable; the same dataset, k and seed give the same folds.
 */
public final class SpatialFolds {
    /** Share of the ore patches that a single hold-out (k = 1) validates on. */
    public static final double HOLD_OUT_SHARE = 0.2;

    private final List<Fold> folds;

    private record Fold(int[] training, int[] validation, int dropped) {
    }

    private SpatialFolds(List<Fold> folds) {
        this.folds = folds;
    }

    /**
     * @param folds k ≥ 1
     * @throws InvalidInputException ({@code folds}) when k &lt; 1 or fewer blocks than k hold ore patches, so that
     *                               some fold would have no ore to validate on (k = 1: fewer than two blocks);
     *                               the message says to use fewer folds or smaller blocks
     */
    public static SpatialFolds split(PatchDataset dataset, int folds, long seed) {
        if (folds < 1) {
            throw new InvalidInputException("folds", "number of folds must be at least 1, got " + folds);
        }
        List<Patch> patches = dataset.patches();
        int[] ore = new int[dataset.blocks().count()];
        int[] noOre = new int[ore.length];
        for (Patch p : patches) {
            (p.ore() ? ore : noOre)[p.block()]++;
        }
        int[] order = shuffledBlocks(ore, noOre, new SplittableRandom(seed));
        int oreBlocks = (int) Arrays.stream(order).filter(b -> ore[b] > 0).count();
        if (oreBlocks < Math.max(folds, 2)) {
            throw new InvalidInputException("folds", "only " + oreBlocks + " spatial block(s) hold ore patches, too "
                    + "few for " + folds + " fold(s) with ore on both sides; use fewer folds or a smaller blockSize");
        }
        List<Fold> result = new ArrayList<>();
        if (folds == 1) {
            // the region nearest the share whose fold keeps both classes on both sides once overlaps are dropped
            Fold chosen = null;
            for (boolean[] region : holdOutRegions(dataset.blocks(), ore, noOre, order)) {
                Fold f = fold(patches, b -> region[b]);
                if (bothClasses(patches, f.training()) && bothClasses(patches, f.validation())) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null) {
                throw new InvalidInputException("blockSize", "no spatial hold-out region leaves ore and no-ore "
                        + "patches on both sides once training patches overlapping validation are dropped; use "
                        + "smaller blocks ('blockSize'), a smaller 'patch' or more 'folds'");
            }
            result.add(chosen);
        } else {
            int[] foldOf = deal(ore, noOre, order, folds);
            for (int f = 0; f < folds; f++) {
                int fold = f;
                Fold built = fold(patches, b -> foldOf[b] == fold);
                if (!bothClasses(patches, built.training()) || !bothClasses(patches, built.validation())) {
                    throw new InvalidInputException("folds", "fold " + (f + 1) + " of " + folds + " lacks ore or "
                            + "no-ore patches on one side once training patches overlapping validation are "
                            + "dropped; use fewer 'folds', smaller blocks ('blockSize') or a smaller 'patch'");
                }
                result.add(built);
            }
        }
        return new SpatialFolds(List.copyOf(result));
    }

    public int folds() {
        return folds.size();
    }

    /** Indices into the dataset's patches to train on in this fold, ascending. */
    public int[] trainingIndices(int fold) {
        return folds.get(fold).training().clone();
    }

    /** Indices into the dataset's patches to validate on in this fold, ascending. */
    public int[] validationIndices(int fold) {
        return folds.get(fold).validation().clone();
    }

    /** Patches outside this fold's validation blocks left out of its training because they overlap validation. */
    public int droppedForOverlap(int fold) {
        return folds.get(fold).dropped();
    }

    /** The blocks that hold patches, in a seeded random order, then stably by ore patches, most first. */
    private static int[] shuffledBlocks(int[] ore, int[] noOre, SplittableRandom random) {
        int[] blocks = IntStream.range(0, ore.length).filter(b -> ore[b] + noOre[b] > 0).toArray();
        for (int i = blocks.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = blocks[i];
            blocks[i] = blocks[j];
            blocks[j] = t;
        }
        return Arrays.stream(blocks).boxed().sorted(Comparator.comparingInt(b -> -ore[b]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Per block, its fold: each block in turn to the fold with the least of its kind so far. */
    private static int[] deal(int[] ore, int[] noOre, int[] order, int folds) {
        int[] foldOf = new int[ore.length];
        long[] oreLoad = new long[folds];
        long[] noOreLoad = new long[folds];
        for (int b : order) {
            long[] load = ore[b] > 0 ? oreLoad : noOreLoad;
            int best = 0;
            for (int f = 1; f < folds; f++) {
                if (load[f] < load[best]) {
                    best = f;
                }
            }
            foldOf[b] = best;
            oreLoad[best] += ore[b];
            noOreLoad[best] += noOre[b];
        }
        return foldOf;
    }

    /**
     * Candidate hold-out regions, each a per-block flag: a disc of blocks around a seed block grown until it holds
     * {@value #HOLD_OUT_SHARE} of the ore patches and of the no-ore patches (past the ore share only blocks without
     * ore join, so on small grids, where negatives lie away from the deposits, validation still holds both
     * classes). One region per seed block holding ore that leaves both classes to train on, those closest to the
     * ore share first.
     */
    private static List<boolean[]> holdOutRegions(SpatialBlocks blocks, int[] ore, int[] noOre, int[] order) {
        int total = Arrays.stream(ore).sum();
        int totalNoOre = Arrays.stream(noOre).sum();
        List<boolean[]> regions = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (int seedBlock : order) {
            if (ore[seedBlock] == 0) {
                continue;
            }
            boolean[] region = new boolean[ore.length];
            int held = 0;
            int heldNoOre = 0;
            for (int b : byDistance(blocks, seedBlock, order)) {
                boolean oreFull = held >= HOLD_OUT_SHARE * total;
                if (oreFull && heldNoOre >= HOLD_OUT_SHARE * totalNoOre) {
                    break;
                }
                if (oreFull && ore[b] > 0) {
                    continue;
                }
                region[b] = true;
                held += ore[b];
                heldNoOre += noOre[b];
            }
            if (held < total && heldNoOre > 0 && heldNoOre < totalNoOre) {
                regions.add(region);
                gaps.add(Math.abs((double) held / total - HOLD_OUT_SHARE));
            }
        }
        Integer[] byGap = IntStream.range(0, regions.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(byGap, Comparator.comparingDouble(gaps::get)); // stable: the seeds' order breaks ties
        return Arrays.stream(byGap).map(regions::get).toList();
    }

    private static boolean bothClasses(List<Patch> patches, int[] indices) {
        boolean ore = false;
        boolean noOre = false;
        for (int i : indices) {
            ore |= patches.get(i).ore();
            noOre |= !patches.get(i).ore();
        }
        return ore && noOre;
    }

    /**
     * The blocks that hold patches, nearest to the seed block first (distance between block centres), ties by id:
     * each prefix is a disc of blocks, contiguous, less the empty blocks, which hold nothing to assign.
     */
    private static int[] byDistance(SpatialBlocks blocks, int seedBlock, int[] holding) {
        int row = blocks.blockRow(seedBlock);
        int column = blocks.blockColumn(seedBlock);
        return Arrays.stream(holding).boxed()
                .sorted(Comparator.<Integer>comparingLong(b -> square(blocks.blockRow(b) - row)
                        + square(blocks.blockColumn(b) - column)).thenComparingInt(b -> b))
                .mapToInt(Integer::intValue).toArray();
    }

    private static long square(long v) {
        return v * v;
    }

    /** Validation: the patches in blocks the predicate accepts; training: the others that overlap none of them. */
    private static Fold fold(List<Patch> patches, IntPredicate validationBlock) {
        List<Patch> validation = new ArrayList<>();
        List<Integer> validationIndices = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            if (validationBlock.test(patches.get(i).block())) {
                validation.add(patches.get(i));
                validationIndices.add(i);
            }
        }
        List<Integer> training = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < patches.size(); i++) {
            Patch p = patches.get(i);
            if (validationBlock.test(p.block())) {
                continue;
            }
            if (validation.stream().anyMatch(p::overlaps)) {
                dropped++;
            } else {
                training.add(i);
            }
        }
        return new Fold(training.stream().mapToInt(Integer::intValue).toArray(),
                validationIndices.stream().mapToInt(Integer::intValue).toArray(), dropped);
    }
}
