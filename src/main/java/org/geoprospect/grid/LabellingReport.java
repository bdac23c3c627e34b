package org.geoprospect.grid;

import org.geoprospect.core.Warnings;

import java.util.ArrayList;
import java.util.List;

/**
 * What labelling did with the deposits and how many cells of each class it found, so that no deposit is dropped
 * silently.
 *
 * @param positives           n1, positive cells
 * @param negatives           n2, negative cells sampled
 * @param negativesRequested  how many negatives were asked for (n1 by default)
 * @param negativesAvailable  valid cells outside every exclusion buffer
 * @param usableDeposits      deposits that gave positives: on a valid cell of the grid, one per cell
 * @param offGrid             labels of deposits outside the grid (or without finite coordinates)
 * @param onNoData            labels of deposits on cells where some band has no data
 * @param sharedCell          deposits on a cell that an earlier deposit already made positive, counted once,
 *                            each as "label (with first label)"
 */
public record LabellingReport(int positives, int negatives, int negativesRequested, int negativesAvailable,
                              int usableDeposits, List<String> offGrid, List<String> onNoData,
                              List<String> sharedCell) {
    public LabellingReport {
        offGrid = List.copyOf(offGrid);
        onNoData = List.copyOf(onNoData);
        sharedCell = List.copyOf(sharedCell);
    }

    public boolean fewerNegativesThanRequested() {
        return negatives < negativesRequested;
    }

    /** The recoverable problems as messages for the result's warnings; empty when there were none. */
    public List<String> warnings() {
        List<String> messages = new ArrayList<>(depositProblems(offGrid, onNoData, sharedCell));
        if (fewerNegativesThanRequested()) {
            messages.add("only " + negativesAvailable + " cells are available as negatives, fewer than the "
                    + negativesRequested + " asked for; all of them are used");
        }
        return messages;
    }

    /** One message per kind of deposit that gave no positive of its own. */
    static List<String> depositProblems(List<String> offGrid, List<String> onNoData, List<String> sharedCell) {
        List<String> messages = new ArrayList<>();
        if (!offGrid.isEmpty()) {
            messages.add(offGrid.size() + " deposit(s) off the grid, not used: " + Warnings.listed(offGrid));
        }
        if (!onNoData.isEmpty()) {
            messages.add(onNoData.size() + " deposit(s) on cells without data in every band, not used: "
                    + Warnings.listed(onNoData));
        }
        if (!sharedCell.isEmpty()) {
            messages.add(sharedCell.size() + " deposit(s) share a cell with another, counted once: "
                    + Warnings.listed(sharedCell));
        }
        return messages;
    }
}
