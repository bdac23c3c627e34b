package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns deposits into labelled cells: positives at (and within {@link LabellingParameters#positiveBuffer()} of)
 * each deposit's cell, negatives sampled uniformly without replacement from valid cells farther than
 * {@link LabellingParameters#exclusionBuffer()} from every deposit. Distances are between cell centres in cells
 * (see {@link LabellingParameters}).
 * <p>
 * A deposit is usable when it lies on the grid, on a valid cell, and on a cell no earlier deposit took; the
 * others are reported, not dropped silently. Every deposit with finite coordinates, usable or not, even one just
 * off the grid, keeps negatives away: it is still known mineralisation. Each deposit stamps a disc of cells, so
 * the cost is the grid's cell count (one pass) plus the deposits' disc areas, not cells × deposits. Negatives are
 * reproducible: the same inputs and seed give the same cells ({@link SplittableRandom}). Thread-safe.
 */
public final class LocationLabeller {
    /** The fewest usable deposits with which an ore/no-ore classifier means anything. */
    public static final int MIN_DEPOSITS = 3;

    private final LabellingParameters parameters;

    public LocationLabeller(LabellingParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * @param grid     the grid the cells belong to
     * @param valid    per cell, row-major, whether every band has data there
     * @param deposits deposit points in the grid's CRS
     * @throws InvalidInputException ({@code deposits}) when fewer than {@value #MIN_DEPOSITS} deposits are usable,
     *                               naming how many were off the grid, on cells without data or sharing a cell;
     *                               ({@code mask}) when the mask does not have one entry per cell
     */
    public LabelledLocations label(GridGeometry grid, boolean[] valid, DepositPoints deposits) {
        if (valid.length != grid.cellCount()) {
            throw new InvalidInputException("mask", "validity mask has " + valid.length + " cells, the grid "
                    + grid.cellCount());
        }
        CellDisc positiveDisc = new CellDisc(parameters.positiveBuffer());
        CellDisc exclusionDisc = new CellDisc(parameters.exclusionBuffer());
        BitSet positive = new BitSet(valid.length);
        BitSet excluded = new BitSet(valid.length);
        Map<Integer, String> depositCells = new HashMap<>();
        List<String> onNoData = new ArrayList<>();
        List<String> sharedCell = new ArrayList<>();
        List<String> offGrid = deposits.locate(grid, exclusionDisc, excluded, (i, row, column) -> {
            String label = deposits.labels().get(i);
            int cell = row * grid.width() + column;
            if (!valid[cell]) {
                onNoData.add(label);
                return;
            }
            String first = depositCells.putIfAbsent(cell, label);
            if (first != null) {
                sharedCell.add(label + " (with " + first + ")");
                return;
            }
            positiveDisc.forEachCell(grid, column, row, c -> {
                if (valid[c]) {
                    positive.set(c);
                }
            });
        });
        if (depositCells.size() < MIN_DEPOSITS) {
            List<String> problems = LabellingReport.depositProblems(offGrid, onNoData, sharedCell);
            throw new InvalidInputException("deposits", "only " + depositCells.size() + " of " + deposits.size()
                    + " deposits are usable, at least " + MIN_DEPOSITS + " are needed (" + offGrid.size()
                    + " off the grid, " + onNoData.size() + " on cells without data, " + sharedCell.size()
                    + " sharing a cell)" + (problems.isEmpty() ? "" : ": " + String.join("; ", problems))
                    + "; give deposits inside the grid's area with data");
        }
        int[] positives = positive.stream().toArray();
        int requested = parameters.negatives().orElse(positives.length);
        BitSet candidates = new BitSet(valid.length);
        for (int c = 0; c < valid.length; c++) {
            if (valid[c] && !excluded.get(c)) {
                candidates.set(c);
            }
        }
        int available = candidates.cardinality();
        int[] negatives = RandomSubset.choose(candidates, requested, new SplittableRandom(parameters.seed()));
        LabellingReport report = new LabellingReport(positives.length, negatives.length, requested, available,
                depositCells.size(), offGrid, onNoData, sharedCell);
        return new LabelledLocations(positives, negatives, report);
    }
}
