package org.geoprospect.learn;

import org.geoprospect.core.Warnings;

import java.util.ArrayList;
import java.util.List;

/**
 * What patch sampling did with the deposits and how many patches of each class it found, so that no deposit is
 * dropped silently.
 *
 * @param positives          ore patches
 * @param negatives          no-ore patches found
 * @param negativesRequested no-ore patches asked for (as many as ore patches by default)
 * @param negativesAvailable windows that qualify as no-ore: inside the grid, clear of every deposit's buffer, with
 *                           few enough cells without data
 * @param usableDeposits     deposits that gave at least one ore patch
 * @param offGrid            labels of deposits outside the grid or without finite coordinates
 * @param nearEdge           labels of deposits too close to the grid's edge for any window that keeps them the
 *                           margin away from the patch's edge
 * @param noData             labels of deposits whose every window has too many cells without data
 */
public record PatchReport(int positives, int negatives, int negativesRequested, int negativesAvailable,
                          int usableDeposits, List<String> offGrid, List<String> nearEdge, List<String> noData) {
    public PatchReport {
        offGrid = List.copyOf(offGrid);
        nearEdge = List.copyOf(nearEdge);
        noData = List.copyOf(noData);
    }

    /** The recoverable problems as messages for the result's warnings; empty when there were none. */
    public List<String> warnings() {
        List<String> messages = new ArrayList<>(depositProblems(offGrid, nearEdge, noData));
        if (negatives < negativesRequested) {
            messages.add("only " + negativesAvailable + " windows qualify as no-ore patches, fewer than the "
                    + negativesRequested + " asked for; all of them are used");
        }
        return messages;
    }

    /** One message per kind of deposit that gave no ore patch. */
    static List<String> depositProblems(List<String> offGrid, List<String> nearEdge, List<String> noData) {
        List<String> messages = new ArrayList<>();
        if (!offGrid.isEmpty()) {
            messages.add(offGrid.size() + " deposit(s) off the grid, not used: " + Warnings.listed(offGrid));
        }
        if (!nearEdge.isEmpty()) {
            messages.add(nearEdge.size() + " deposit(s) too close to the grid's edge for a whole patch, not used: "
                    + Warnings.listed(nearEdge));
        }
        if (!noData.isEmpty()) {
            messages.add(noData.size() + " deposit(s) where every patch has too many cells without data, not used: "
                    + Warnings.listed(noData));
        }
        return messages;
    }
}
