package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.grid.CellDisc;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GridGeometry;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Patch and block sizes that fit the region, for the sizes the user did not give. A preset's patch (64 cells, the
 * paper's 256) assumes a large grid: on a regional stack of 70 × 163 cells it leaves too few places for no-ore
 * patches and puts every deposit in one or two 256-cell blocks, so no spatial hold-out is possible.
 * <ul>
 * <li><b>Patch</b>: the preset's, halved until it fits at least twice across the grid's shorter side and leaves
 * at least three quarters of the deposits on the grid a window around them (never below {@value #MIN_PATCH}).</li>
 * <li><b>Blocks</b>: four patches, shrunk by quarters (down to half a patch, at least {@value #MIN_BLOCK} cells) until
 * the deposits fall into at least max(2 × folds, {@value #MIN_ORE_BLOCKS}) blocks, so that every fold — or the
 * single hold-out — has ore to validate on and ore to train on. Blocks smaller than a patch stay leakage-free: the
 * folds drop training patches that share a cell with a validation patch.</li>
 * </ul>
 * Where those sizes leave no hold-out with ore and no-ore patches on both sides, smaller blocks and then smaller
 * patches are tried ({@link #candidates}). When even the smallest blocks hold the deposits in fewer blocks than
 * folds need, the message names the options that can change it.
 */
public final class RegionFit {
    static final int MIN_PATCH = 8;
    static final int MIN_BLOCK = 4;
    static final int MIN_ORE_BLOCKS = 5;
    private static final double DEPOSITS_FITTING = 0.75;

    private RegionFit() {
    }

    /**
     * @param patchSize cells per patch side; {@code cropSize} the crop's, as the trainer must be told
     * @param blockSize side of the spatial blocks
     * @param reasons   what was chosen and why, one line per choice made here (none for sizes the user gave)
     */
    public record Choice(int patchSize, int cropSize, int blockSize, List<String> reasons) {
        public Choice {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * The sizes to try, best first: the patch and blocks the rules above give, then smaller blocks, then smaller
     * patches, so that a region whose hold-out cannot keep ore and no-ore patches on both sides (small grids, where
     * no-ore patches crowd into the few places away from the deposits) still finds sizes that work. Sizes the user
     * gave are the only ones tried.
     *
     * @param patch the user's patch size, or null to choose one from {@code presetPatch}
     * @param block the user's block size, or null to choose one
     * @param folds the folds asked for (1: a single hold-out)
     * @throws InvalidInputException ({@code blockSize}) when the deposits cannot be spread over enough blocks
     */
    public static List<Choice> candidates(GridGeometry grid, DepositPoints deposits, int presetPatch, Integer patch,
                                          Integer block, int folds) {
        List<int[]> cells = new ArrayList<>();
        deposits.locate(grid, new CellDisc(0), new BitSet(), (i, row, column) -> cells.add(new int[] {row, column}));
        List<Choice> candidates = new ArrayList<>();
        int first = patch != null ? patch : patchSize(grid, cells, presetPatch);
        for (int size = first; ; size = size / 2) {
            List<Integer> blocks = block != null ? List.of(block) : blockSizes(grid, cells, size, folds);
            for (int b : blocks) {
                candidates.add(new Choice(size, size - size / 8, b, reasons(grid, cells, presetPatch, size,
                        patch == null, b, block == null, folds)));
            }
            if (patch != null || size / 2 < MIN_PATCH) {
                break;
            }
        }
        if (candidates.isEmpty()) {
            int smallest = Math.max(MIN_BLOCK, first / 2);
            throw new InvalidInputException("blockSize", "the " + cells.size() + " deposits on the grid fall into "
                    + oreBlocks(grid, cells, smallest) + " spatial block(s) even with blocks of " + smallest
                    + " cells, too few for " + folds + " fold(s) with ore on both sides: give fewer 'folds', a "
                    + "smaller 'blockSize' or 'patch', or deposits spread over more of the grid");
        }
        return candidates;
    }

    private static int patchSize(GridGeometry grid, List<int[]> cells, int preset) {
        int shorter = Math.min(grid.width(), grid.height());
        int size = preset;
        while (size > MIN_PATCH && (2 * size > shorter || fitting(grid, cells, size) < DEPOSITS_FITTING)) {
            size = Math.max(MIN_PATCH, size / 2);
        }
        return size;
    }

    /** Block sizes from four patches down, shrunk by quarters, from the first that spreads the deposits enough. */
    private static List<Integer> blockSizes(GridGeometry grid, List<int[]> cells, int patch, int folds) {
        int needed = Math.max(2 * folds, MIN_ORE_BLOCKS);
        int smallest = Math.max(MIN_BLOCK, patch / 2);
        List<Integer> sizes = new ArrayList<>();
        for (int size = 4 * patch; ; size = Math.max(smallest, size * 3 / 4)) {
            int ore = oreBlocks(grid, cells, size);
            if (ore >= needed || size == smallest && ore >= Math.max(folds, 2)) {
                sizes.add(size);
            }
            if (size == smallest) {
                return sizes;
            }
        }
    }

    private static List<String> reasons(GridGeometry grid, List<int[]> cells, int preset, int size, boolean chosenSize,
                                        int block, boolean chosenBlock, int folds) {
        List<String> reasons = new ArrayList<>();
        if (chosenSize && size != preset) {
            reasons.add(String.format(Locale.ROOT, "patch %d cells (crop %d) instead of the preset's %d, to fit the "
                            + "%d × %d grid (%.0f %% of the %d deposits on it have a window around them) with ore "
                            + "and no-ore patches on both sides of the hold-out; give 'patch' to choose", size,
                    size - size / 8, preset, grid.width(), grid.height(), 100 * fitting(grid, cells, size),
                    cells.size()));
        }
        if (chosenBlock && block != 4 * size) {
            reasons.add("blocks of " + block + " cells instead of 4 patches (" + 4 * size + "): the deposits fall "
                    + "into " + oreBlocks(grid, cells, block) + " blocks, enough for " + folds + " fold(s); give "
                    + "'blockSize' to choose");
        }
        return reasons;
    }

    /** The share of the deposits on the grid that have a whole window of this size around them. */
    private static double fitting(GridGeometry grid, List<int[]> cells, int size) {
        if (cells.isEmpty()) {
            return 1;
        }
        PatchParameters p = PatchParameters.builder().optSize(size).optCropSize(size - size / 8).build();
        return cells.stream().filter(c -> !WindowRange.around(c[0], c[1], grid, p).isEmpty()).count()
                / (double) cells.size();
    }

    private static int oreBlocks(GridGeometry grid, List<int[]> cells, int size) {
        SpatialBlocks blocks = SpatialBlocks.covering(grid.width(), grid.height(), size);
        Set<Integer> ore = new HashSet<>();
        cells.forEach(c -> ore.add(blocks.block(c[0], c[1])));
        return ore.size();
    }
}
