package org.geoprospect.learn;

import org.geoprospect.core.Cancellation;
import org.geoprospect.grid.GridGeometry;

import java.util.BitSet;

/**
 * The top-left cells a patch may take: rows [firstRow, lastRow] × columns [firstColumn, lastColumn], empty when
 * either range is. Positions are numbered row-major within the range, which is how {@link #accepted} reports them.
 */
record WindowRange(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    /** A condition on a window, given its top-left cell. */
    @FunctionalInterface
    interface Test {
        boolean accepts(int row, int column);
    }

    /** Every window of size × size cells that lies wholly inside the grid. */
    static WindowRange anywhere(GridGeometry grid, int size) {
        return new WindowRange(0, grid.height() - size, 0, grid.width() - size);
    }

    /**
     * Every window inside the grid that holds cell (row, column) at least {@link PatchParameters#margin()} cells
     * from each of its edges.
     */
    static WindowRange around(int row, int column, GridGeometry grid, PatchParameters parameters) {
        int reach = parameters.size() - 1 - parameters.margin();
        int margin = parameters.margin();
        return new WindowRange(Math.max(0, row - reach), Math.min(grid.height() - parameters.size(), row - margin),
                Math.max(0, column - reach), Math.min(grid.width() - parameters.size(), column - margin));
    }

    boolean isEmpty() {
        return firstRow > lastRow || firstColumn > lastColumn;
    }

    /** The positions whose windows pass the test, checking for cancellation once per row. */
    BitSet accepted(Test test, Cancellation cancellation) {
        BitSet accepted = new BitSet();
        if (isEmpty()) {
            return accepted;
        }
        for (int r = firstRow; r <= lastRow; r++) {
            cancellation.check();
            for (int c = firstColumn; c <= lastColumn; c++) {
                if (test.accepts(r, c)) {
                    accepted.set((r - firstRow) * columns() + c - firstColumn);
                }
            }
        }
        return accepted;
    }

    int row(int position) {
        return firstRow + position / columns();
    }

    int column(int position) {
        return firstColumn + position % columns();
    }

    private int columns() {
        return lastColumn - firstColumn + 1;
    }
}
