package org.geoprospect.learn;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.grid.CellDisc;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.RandomSubset;
import org.geoprospect.grid.Raster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts the training patches of step 3 (Gao et al. §4.2: windows slid around each ore point, and random windows
 * with no ore). Every patch lies wholly inside the grid.
 * <ul>
 * <li>Ore: for each deposit, up to {@link PatchParameters#positivesPerDeposit()} distinct windows drawn uniformly
 * among those that hold the deposit's cell at least {@link PatchParameters#margin()} cells from every patch edge, so
 * that every random crop of the {@link Augmenter} still holds it.</li>
 * <li>No ore: {@link PatchParameters#negatives()} distinct windows drawn uniformly among those with no cell within
 * {@link PatchParameters#buffer()} cells (Euclidean, between cell centres) of any deposit. Every deposit with finite
 * coordinates keeps no-ore patches away, even one off the grid or unusable for ore patches: it is still known
 * mineralisation.</li>
 * </ul>
 * <b>No data.</b> A cell lacks data when any chosen band is NaN there. A window with more than
 * {@link PatchParameters#maxNoData()} of its cells lacking data is not used; in a window that is used, each band's
 * missing values are filled with that band's mean over the whole grid. After the interpolate step's z-score that
 * mean is 0, the value the network sees as "average", so filled cells carry no signal either way.
 * <p>
 * Cost: one pass over the grid for the no-data and buffer counts (two ints per cell), one per window position for
 * the no-ore candidates, then the copies of the chosen patches. The same inputs and seed give the same patches
 * ({@link SplittableRandom}). Thread-safe.
 */
public final class PatchSampler {
    /** The fewest usable deposits from which ore patches can be split into training and validation. */
    public static final int MIN_DEPOSITS = 2;

    private final PatchParameters parameters;

    public PatchSampler(PatchParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * @param raster   the element grids, e.g. the interpolate step's output
     * @param elements the bands to use, in channel order (the select step's choice)
     * @param deposits deposit points in the raster's CRS; a deposit's index is its ore patches' group
     * @throws InvalidInputException ({@code elements}) for an element that is not a band, listing the bands;
     *                               ({@code size}) when the grid is smaller than a patch; ({@code deposits}) when
     *                               fewer than {@value #MIN_DEPOSITS} deposits give ore patches, saying why each
     *                               did not
     */
    public PatchDataset sample(Raster raster, List<String> elements, DepositPoints deposits,
                               ProgressListener progress, Cancellation cancellation) {
        GridGeometry grid = raster.grid();
        int size = parameters.size();
        if (grid.width() < size || grid.height() < size) {
            throw new InvalidInputException("size", "a patch of " + size + " × " + size + " cells does not fit the "
                    + grid.width() + " × " + grid.height() + " grid; use a smaller patch size");
        }
        PatchSource source = PatchSource.of(raster, elements);
        WindowCounts noData = new WindowCounts(source.noData(), grid.width(), grid.height());
        int maxNoDataCells = (int) Math.floor(parameters.maxNoData() * size * size);
        SpatialBlocks blocks = SpatialBlocks.covering(grid.width(), grid.height(), parameters.blockSize());
        SplittableRandom random = new SplittableRandom(parameters.seed());
        CellDisc disc = new CellDisc(parameters.buffer());
        BitSet nearDeposit = new BitSet();
        List<Patch> patches = new ArrayList<>();
        List<String> nearEdge = new ArrayList<>();
        List<String> onNoData = new ArrayList<>();
        List<String> offGrid = deposits.locate(grid, disc, nearDeposit, (i, row, column) -> {
            cancellation.check();
            String label = deposits.labels().get(i);
            WindowRange around = WindowRange.around(row, column, grid, parameters);
            if (around.isEmpty()) {
                nearEdge.add(label);
                return;
            }
            BitSet candidates = around.accepted((r, c) -> noData.count(r, c, size) <= maxNoDataCells, cancellation);
            if (candidates.isEmpty()) {
                onNoData.add(label);
                return;
            }
            int block = blocks.block(row, column);
            for (int t : RandomSubset.choose(candidates, parameters.positivesPerDeposit(), random)) {
                patches.add(cut(source, around.row(t), around.column(t), true, i, block));
            }
        });
        int usable = deposits.size() - offGrid.size() - nearEdge.size() - onNoData.size();
        if (usable < MIN_DEPOSITS) {
            List<String> problems = PatchReport.depositProblems(offGrid, nearEdge, onNoData);
            throw new InvalidInputException("deposits", "only " + usable + " of " + deposits.size()
                    + " deposits give ore patches, at least " + MIN_DEPOSITS + " are needed"
                    + (problems.isEmpty() ? "" : ": " + String.join("; ", problems))
                    + "; give deposits inside the grid's area with data, at least " + (parameters.margin() + 1)
                    + " cells from its edge, or use a smaller patch");
        }
        int positives = patches.size();
        progress.progress(0.5, positives + " ore patches from " + usable + " deposits");
        WindowCounts near = new WindowCounts(nearDeposit, grid.width(), grid.height());
        WindowRange anywhere = WindowRange.anywhere(grid, size);
        BitSet candidates = anywhere.accepted(
                (r, c) -> near.count(r, c, size) == 0 && noData.count(r, c, size) <= maxNoDataCells, cancellation);
        int requested = parameters.negatives().orElse(positives);
        for (int t : RandomSubset.choose(candidates, requested, random)) {
            int row = anywhere.row(t);
            int column = anywhere.column(t);
            int centre = blocks.block(row + size / 2, column + size / 2);
            patches.add(cut(source, row, column, false, centre, centre));
        }
        progress.progress(1, (patches.size() - positives) + " no-ore patches");
        PatchReport report = new PatchReport(positives, patches.size() - positives, requested,
                candidates.cardinality(), usable, offGrid, nearEdge, onNoData);
        return new PatchDataset(patches, elements, blocks, report);
    }

    private Patch cut(PatchSource source, int row, int column, boolean ore, int group, int block) {
        return new Patch(source.cut(row, column, parameters.size()), source.channels(), parameters.size(), ore, row,
                column, group, block);
    }
}
