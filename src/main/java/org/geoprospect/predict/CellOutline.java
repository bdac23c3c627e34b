package org.geoprospect.predict;

import org.geoprospect.grid.GridGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Traces the outline of a 4-connected component of grid cells into one polygon in the grid's CRS, by walking the
 * cell edges between the component and the rest with the component on the left. Vertices are the cell corners where
 * the outline turns, (minX + column·cellWidth, maxY − row·cellHeight); shell counter-clockwise, holes clockwise (as
 * RFC 7946 winds them). Work is proportional to the component's cells and edges, nothing is noded or unioned.
 * <p>
 * Where two cells of the component touch only at a corner the walk turns right, into the other cell: the component
 * is connected through that corner and the cells outside it are not. As the component is also connected around
 * (it is 4-connected), the two outside cells there then lie in different rings, so no ring passes a corner twice:
 * the shell never touches itself, and a hole touches the shell or another hole at single points only, which JTS
 * validity allows. The result is always a valid polygon.
 * <p>
 * Keeps one byte per grid cell to mark the edges already walked, so one instance serves one dissolution of a grid.
 * Not thread-safe.
 */
final class CellOutline {
    /** Walking directions east, north, west, south: column and row steps (rows run south). */
    private static final int[] STEP_COLUMN = {1, 0, -1, 0};
    private static final int[] STEP_ROW = {0, -1, 0, 1};
    /** Where an edge walked in a direction ends, relative to the top-left corner of the cell on its left. */
    private static final int[] END_COLUMN = {1, 1, 0, 0};
    private static final int[] END_ROW = {1, 0, 0, 1};

    private final GridGeometry grid;
    private final GeometryFactory factory;
    /** Per cell, bit d: its edge walked in direction d is done. */
    private final byte[] walked;
    /** The ring being traced: corner column, corner row, … */
    private int[] corners = new int[64];
    private int cornerCount;

    CellOutline(GridGeometry grid, GeometryFactory factory) {
        this.grid = grid;
        this.factory = factory;
        this.walked = new byte[grid.width() * grid.height()];
    }

    /** @return the outline of the current component of {@code component} */
    Polygon trace(CellComponents component) {
        int width = grid.width();
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < component.size(); i++) {
            int cell = component.cell(i);
            int row = cell / width;
            int column = cell - row * width;
            for (int d = 0; d < 4; d++) {
                int right = right(d);
                if ((walked[cell] & (1 << d)) == 0
                        && !component.contains(column + STEP_COLUMN[right], row + STEP_ROW[right])) {
                    walk(component, column, row, d);
                    if (signedArea() > 0) {
                        shell = ring();
                    } else {
                        holes.add(ring());
                    }
                }
            }
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** Walks the ring through the edge of cell (column, row) in direction d, keeping its turning corners. */
    private void walk(CellComponents component, int column, int row, int d) {
        int width = grid.width();
        int startColumn = column;
        int startRow = row;
        int startDirection = d;
        cornerCount = 0;
        do {
            walked[row * width + column] |= (byte) (1 << d);
            int aheadColumn = column + STEP_COLUMN[d];
            int aheadRow = row + STEP_ROW[d];
            int right = right(d);
            int next;
            if (component.contains(aheadColumn + STEP_COLUMN[right], aheadRow + STEP_ROW[right])) {
                next = right;
            } else if (component.contains(aheadColumn, aheadRow)) {
                next = d;
            } else {
                next = (d + 1) & 3;
            }
            if (next != d) {
                addCorner(column + END_COLUMN[d], row + END_ROW[d]);
            }
            if (next == right) {
                column = aheadColumn + STEP_COLUMN[right];
                row = aheadRow + STEP_ROW[right];
            } else if (next == d) {
                column = aheadColumn;
                row = aheadRow;
            }
            d = next;
        } while (column != startColumn || row != startRow || d != startDirection);
    }

    private static int right(int direction) {
        return (direction + 3) & 3;
    }

    private void addCorner(int column, int row) {
        if (cornerCount + 2 > corners.length) {
            corners = Arrays.copyOf(corners, 2 * corners.length);
        }
        corners[cornerCount++] = column;
        corners[cornerCount++] = row;
    }

    /** Twice the ring's area in cells, positive when counter-clockwise in the CRS (y north, rows south). */
    private long signedArea() {
        long sum = 0;
        for (int i = 0; i < cornerCount; i += 2) {
            int j = (i + 2) % cornerCount;
            sum += (long) corners[j] * corners[i + 1] - (long) corners[i] * corners[j + 1];
        }
        return sum;
    }

    private LinearRing ring() {
        int n = cornerCount / 2;
        Coordinate[] coordinates = new Coordinate[n + 1];
        for (int k = 0; k < n; k++) {
            coordinates[k] = new Coordinate(grid.minX() + corners[2 * k] * grid.cellWidth(),
                    grid.maxY() - corners[2 * k + 1] * grid.cellHeight());
        }
        coordinates[n] = coordinates[0].copy();
        return factory.createLinearRing(coordinates);
    }
}
