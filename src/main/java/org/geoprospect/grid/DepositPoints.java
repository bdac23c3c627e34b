package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Known deposits as points in the CRS of the grid they are labelled on, each with a label (a name or
 * "file.csv, line 17") by which warnings name it. Arrays are not copied.
 *
 * @param x      easting (grid CRS units)
 * @param y      northing (grid CRS units)
 * @param labels per deposit, how messages name it
 */
public record DepositPoints(double[] x, double[] y, List<String> labels) {
    public DepositPoints {
        labels = List.copyOf(labels);
        if (x.length != y.length || labels.size() != x.length) {
            throw new InvalidInputException("deposits", "deposits need one x, one y and one label each, got "
                    + x.length + " x, " + y.length + " y and " + labels.size() + " labels");
        }
    }

    public int size() {
        return x.length;
    }

    /** A deposit that lies on the grid: its index here, its row and column. */
    @FunctionalInterface
    public interface OnGrid {
        void accept(int index, int row, int column);
    }

    /**
     * Places every deposit on the grid. Each deposit with finite coordinates stamps {@code exclusion} into
     * {@code excluded} — even one just off the grid, whose surroundings on the grid are still near ore — and each
     * one on the grid is handed to {@code onGrid}, in order.
     *
     * @return the labels of the deposits off the grid (or without finite coordinates), in order
     */
    public List<String> locate(GridGeometry grid, CellDisc exclusion, BitSet excluded, OnGrid onGrid) {
        List<String> offGrid = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                offGrid.add(labels.get(i));
                continue;
            }
            long column = grid.column(x[i]);
            long row = grid.row(y[i]);
            exclusion.forEachCell(grid, column, row, excluded::set);
            if (column < 0 || column >= grid.width() || row < 0 || row >= grid.height()) {
                offGrid.add(labels.get(i));
                continue;
            }
            onGrid.accept(i, (int) row, (int) column);
        }
        return offGrid;
    }
}
