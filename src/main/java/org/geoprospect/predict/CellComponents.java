package org.geoprospect.predict;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The 4-connected components (cells sharing an edge) of the selected cells of a grid, found one at a time in
 * row-major scan order by flood fill, so that a component's first cell is its smallest index. Labels each cell as it
 * reaches it (one int per grid cell). Not thread-safe.
 */
final class CellComponents {
    private final int width;
    private final int height;
    private final BitSet selected;
    /** 0 = in no component yet, else the component's number (1, 2, …). */
    private final int[] label;
    /** The current component's cells, in the order the fill reached them; doubles as the fill's queue. */
    private int[] cells = new int[64];
    private int size;
    private int current;
    private int scan;

    /** @param selected the cells, row-major index row · width + column; not copied, not modified */
    CellComponents(int width, int height, BitSet selected) {
        this.width = width;
        this.height = height;
        this.selected = selected;
        this.label = new int[width * height];
    }

    /** Moves to the next component. @return false when there is none left */
    boolean next() {
        scan = selected.nextSetBit(scan);
        while (scan >= 0 && label[scan] != 0) {
            scan = selected.nextSetBit(scan + 1);
        }
        if (scan < 0) {
            return false;
        }
        current++;
        size = 0;
        add(scan);
        for (int head = 0; head < size; head++) {
            int cell = cells[head];
            int row = cell / width;
            int column = cell - row * width;
            if (column > 0) {
                reach(cell - 1);
            }
            if (column + 1 < width) {
                reach(cell + 1);
            }
            if (row > 0) {
                reach(cell - width);
            }
            if (row + 1 < height) {
                reach(cell + width);
            }
        }
        return true;
    }

    /** @return how many cells the current component holds */
    int size() {
        return size;
    }

    /** @return the index of the i-th cell of the current component; {@code cell(0)} is its smallest */
    int cell(int i) {
        return cells[i];
    }

    /** @return whether cell (column, row), which may lie off the grid, belongs to the current component */
    boolean contains(int column, int row) {
        return column >= 0 && column < width && row >= 0 && row < height && label[row * width + column] == current;
    }

    private void reach(int cell) {
        if (label[cell] == 0 && selected.get(cell)) {
            add(cell);
        }
    }

    private void add(int cell) {
        if (size == cells.length) {
            cells = Arrays.copyOf(cells, (int) Math.min(2L * size, Integer.MAX_VALUE - 8));
        }
        label[cell] = current;
        cells[size++] = cell;
    }
}
