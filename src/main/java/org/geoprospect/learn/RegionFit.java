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
 * When even the smallest blocks hold the deposits in fewer blocks than folds need, the message names the options
 * that can change it.
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
     * @param patch the user's patch size, or null to choose one from {@code presetPatch}
     * @param block the user's block size, or null to choose one
     * @param folds the folds asked for (1: a single hold-out)
     * @throws InvalidInputException ({@code blockSize}) when the deposits cannot be spread over enough blocks
     */
    public static Choice choose(GridGeometry grid, DepositPoints deposits, int presetPatch, Integer patch,
                                Integer block, int folds) {
        List<int[]> cells = new ArrayList<>();
        deposits.locate(grid, new CellDisc(0), new BitSet(), (i, row, column) -> cells.add(new int[] {row, column}));
        List<String> reasons = new ArrayList<>();
        int size = patch != null ? patch : patchSize(grid, cells, presetPatch, reasons);
        int crop = size - size / 8; // the paper crops 256 to 224: one eighth
        int blockSize = block != null ? block : blockSize(grid, cells, size, folds, reasons);
        return new Choice(size, crop, blockSize, reasons);
    }

    private static int patchSize(GridGeometry grid, List<int[]> cells, int preset, List<String> reasons) {
        int shorter = Math.min(grid.width(), grid.height());
        int size = preset;
        while (size > MIN_PATCH && (2 * size > shorter || fitting(grid, cells, size) < DEPOSITS_FITTING)) {
            size = Math.max(MIN_PATCH, size / 2);
        }
        if (size != preset) {
            reasons.add(String.format(Locale.ROOT, "patch %d cells (crop %d) instead of the preset's %d: it fits "
                            + "twice across the %d × %d grid and leaves %.0f %% of the %d deposits on it a window "
                            + "around them; give 'patch' to choose", size, size - size / 8, preset, grid.width(),
                    grid.height(), 100 * fitting(grid, cells, size), cells.size()));
        }
        return size;
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

    private static int blockSize(GridGeometry grid, List<int[]> cells, int patch, int folds, List<String> reasons) {
        int needed = Math.max(2 * folds, MIN_ORE_BLOCKS);
        int smallest = Math.max(MIN_BLOCK, patch / 2);
        int size = 4 * patch;
        while (size > smallest && oreBlocks(grid, cells, size) < needed) {
            size = Math.max(smallest, size * 3 / 4);
        }
        int ore = oreBlocks(grid, cells, size);
        if (ore < Math.max(folds, 2)) {
            throw new InvalidInputException("blockSize", "the " + cells.size() + " deposits on the grid fall into "
                    + ore + " spatial block(s) even with blocks of " + size + " cells, too few for " + folds
                    + " fold(s) with ore on both sides: give fewer 'folds', a smaller 'blockSize' or 'patch', or "
                    + "deposits spread over more of the grid");
        }
        if (size != 4 * patch) {
            reasons.add("blocks of " + size + " cells instead of 4 patches (" + 4 * patch + "): the deposits then "
                    + "fall into " + ore + " blocks, " + (ore >= needed ? "at least the " + needed : "fewer than the "
                    + needed) + " that " + folds + " fold(s) want; give 'blockSize' to choose");
        }
        return size;
    }

    private static int oreBlocks(GridGeometry grid, List<int[]> cells, int size) {
        SpatialBlocks blocks = SpatialBlocks.covering(grid.width(), grid.height(), size);
        Set<Integer> ore = new HashSet<>();
        cells.forEach(c -> ore.add(blocks.block(c[0], c[1])));
        return ore.size();
    }
}
