package org.geoprospect.predict;

import org.geoprospect.grid.GridGeometry;

import java.util.Arrays;

/**
 * The area of one grid cell in km², per grid row. In a projected CRS every cell has the same area, cellWidth ·
 * cellHeight in the CRS's units converted to metres (the CRS's own plane, not corrected for its scale distortion).
 * In a geographic CRS (degrees) a cell is the exact spherical quadrangle on the authalic sphere, R²·Δλ·|sin φ₁ − sin
 * φ₂|, so cells shrink towards the poles. Immutable.
 */
final class CellAreas {
    /** Radius of the sphere with the WGS 84 ellipsoid's area, in metres. */
    static final double AUTHALIC_RADIUS = 6371007.2;

    private final double[] km2ByRow;

    private CellAreas(double[] km2ByRow) {
        this.km2ByRow = km2ByRow;
    }

    static CellAreas of(GridGeometry grid) {
        double[] km2 = new double[grid.height()];
        if (grid.crs().isGeographic()) {
            double r2 = AUTHALIC_RADIUS * AUTHALIC_RADIUS / 1e6;
            double dLambda = Math.toRadians(grid.cellWidth());
            for (int row = 0; row < km2.length; row++) {
                km2[row] = r2 * dLambda * Math.abs(sinLatitude(grid.maxY() - row * grid.cellHeight())
                        - sinLatitude(grid.maxY() - (row + 1) * grid.cellHeight()));
            }
        } else {
            double metres = grid.crs().metresPerUnit();
            Arrays.fill(km2, grid.cellWidth() * grid.cellHeight() * metres * metres / 1e6);
        }
        return new CellAreas(km2);
    }

    /** @return the area in km² of a cell of this row */
    double km2(int row) {
        return km2ByRow[row];
    }

    /** A grid may reach past a pole; what lies beyond it has no area. */
    private static double sinLatitude(double degrees) {
        return Math.sin(Math.toRadians(Math.max(-90, Math.min(90, degrees))));
    }
}
