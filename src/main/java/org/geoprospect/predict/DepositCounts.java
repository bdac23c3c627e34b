package org.geoprospect.predict;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/** How many known deposits each grid cell holds. Sparse: few cells hold any. Immutable. */
final class DepositCounts {
    /** Lets the cells without deposits, nearly all, skip boxing a key for the map. */
    private final BitSet holding = new BitSet();
    private final Map<Integer, Integer> counts = new HashMap<>();

    /**
     * @param depositCells the cell of each deposit, repeated when a cell holds several
     * @throws IllegalArgumentException when a cell is off a grid of {@code cellCount} cells
     */
    DepositCounts(int[] depositCells, int cellCount) {
        for (int cell : depositCells) {
            if (cell < 0 || cell >= cellCount) {
                throw new IllegalArgumentException("deposit cell " + cell + " is off the grid of " + cellCount
                        + " cells");
            }
            holding.set(cell);
            counts.merge(cell, 1, Integer::sum);
        }
    }

    /** @return the deposits in a cell */
    int in(int cell) {
        return holding.get(cell) ? counts.get(cell) : 0;
    }
}
