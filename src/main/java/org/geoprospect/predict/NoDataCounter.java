package org.geoprospect.predict;

import java.util.BitSet;

/**
 * Counts cells without data in any rectangle of the grid in constant time (a summed-area table), so that every
 * window and tile can be checked for data without rescanning its cells.
 */
final class NoDataCounter {
    private final int width;
    private final int[] sums; // (height + 1) × (width + 1): no-data cells above and left of each corner

    NoDataCounter(BitSet noData, int width, int height) {
        this.width = width;
        this.sums = new int[(height + 1) * (width + 1)];
        for (int r = 0; r < height; r++) {
            int rowSum = 0;
            for (int c = 0; c < width; c++) {
                rowSum += noData.get(r * width + c) ? 1 : 0;
                sums[(r + 1) * (width + 1) + c + 1] = sums[r * (width + 1) + c + 1] + rowSum;
            }
        }
    }

    /** @return the cells without data in rows [row, row + rows) and columns [column, column + columns) */
    int count(int row, int column, int rows, int columns) {
        int w = width + 1;
        return sums[(row + rows) * w + column + columns] - sums[row * w + column + columns]
                - sums[(row + rows) * w + column] + sums[row * w + column];
    }

    /** @return whether more than half of the rectangle's cells lack data: too little for the network to judge */
    boolean mostlyEmpty(int row, int column, int rows, int columns) {
        return 2L * count(row, column, rows, columns) > (long) rows * columns;
    }
}
