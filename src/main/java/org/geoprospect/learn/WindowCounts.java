package org.geoprospect.learn;

import java.util.BitSet;

/**
 * How many flagged cells each square window of a grid holds, in constant time per window: a summed-area table
 * (integral image) of one int per grid cell, built in one pass. Immutable.
 */
final class WindowCounts {
    private final int width;
    /** Per cell (r, c), the flagged cells in rows ≤ r and columns ≤ c. */
    private final int[] sums;

    /** @param flagged row-major cells of a width × height grid */
    WindowCounts(BitSet flagged, int width, int height) {
        this.width = width;
        this.sums = new int[width * height];
        for (int r = 0; r < height; r++) {
            int rowSum = 0;
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                rowSum += flagged.get(cell) ? 1 : 0;
                sums[cell] = rowSum + (r > 0 ? sums[cell - width] : 0);
            }
        }
    }

    /** Flagged cells in the size × size window whose top-left cell is (row, column); it must lie on the grid. */
    int count(int row, int column, int size) {
        int bottom = row + size - 1;
        int right = column + size - 1;
        return at(bottom, right) - at(row - 1, right) - at(bottom, column - 1) + at(row - 1, column - 1);
    }

    private int at(int row, int column) {
        return row < 0 || column < 0 ? 0 : sums[row * width + column];
    }
}
