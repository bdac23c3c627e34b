package org.geoprospect.grid;


import java.util.function.IntConsumer;

/**
 * The cells whose centres lie within a radius (in cells) of one cell's centre, stamped around any cell and clipped
 * to the grid. Visiting a disc costs its area, not the grid's, so stamping one disc per deposit stays fast on grids
 * of millions of cells. Shared by the steps that turn deposits into cells (labelling here, patch sampling in
 * {@code learn}). Immutable.
 */
public final class CellDisc {
    /** Per row offset dr ∈ [−reach, reach], the largest column offset dc with dc² + dr² ≤ radius². */
    private final int[] halfWidths;
    private final int reach;

    /** @param radius in cells, between cell centres; ≥ 0 */
    public CellDisc(double radius) {
        double r2 = radius * radius;
        reach = (int) Math.floor(radius);
        halfWidths = new int[2 * reach + 1];
        for (int dr = -reach; dr <= reach; dr++) {
            long k = (long) Math.floor(Math.sqrt(r2 - (double) dr * dr));
            // square roots may round either way; the test on squares is the exact one
            while ((double) k * k + (double) dr * dr > r2) {
                k--;
            }
            while ((double) (k + 1) * (k + 1) + (double) dr * dr <= r2) {
                k++;
            }
            halfWidths[dr + reach] = (int) k;
        }
    }

    /**
     * Calls {@code cell} with the row-major index of every grid cell of the disc centred on (column, row); the
     * centre may lie off the grid.
     */
    public void forEachCell(GridGeometry grid, long column, long row, IntConsumer cell) {
        for (int dr = -reach; dr <= reach; dr++) {
            long r = row + dr;
            if (r < 0 || r >= grid.height()) {
                continue;
            }
            int half = halfWidths[dr + reach];
            long from = Math.max(0, column - half);
            long to = Math.min(grid.width() - 1L, column + half);
            for (long c = from; c <= to; c++) {
                cell.accept((int) (r * grid.width() + c));
            }
        }
    }
}
