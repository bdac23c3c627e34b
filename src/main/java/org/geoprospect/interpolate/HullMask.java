package org.geoprospect.interpolate;

import org.geoprospect.grid.GridGeometry;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Which cells lie within the samples' convex hull grown by a buffer distance: interpolating far outside the
 * sampled area only extrapolates the nearest samples. The buffered hull (JTS) is convex, so each row of cell
 * centres meets it in one interval, found from the polygon's edges.
 */
public final class HullMask {
    private HullMask() {
    }

    /**
     * @param x, y   sample coordinates in the grid's CRS
     * @param buffer distance (CRS units, ≥ 0) by which to grow the hull
     * @return per cell, row-major, whether its centre is inside
     */
    public static boolean[] inside(double[] x, double[] y, double buffer, GridGeometry grid) {
        GeometryFactory factory = new GeometryFactory();
        Coordinate[] points = new Coordinate[x.length];
        for (int i = 0; i < x.length; i++) {
            points[i] = new Coordinate(x[i], y[i]);
        }
        Geometry hull = new ConvexHull(points, factory).getConvexHull();
        // a hull of one or two samples has no area; the buffer gives it one
        Geometry area = buffer > 0 ? hull.buffer(buffer, 16) : hull;
        Coordinate[] ring = area.getCoordinates();
        boolean[] inside = new boolean[(int) grid.cellCount()];
        for (int row = 0; row < grid.height(); row++) {
            double cy = grid.centreY(row);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i + 1 < ring.length; i++) {
                Coordinate a = ring[i];
                Coordinate b = ring[i + 1];
                if ((a.y <= cy && cy <= b.y) || (b.y <= cy && cy <= a.y)) {
                    double cx = a.y == b.y ? Math.min(a.x, b.x) : a.x + (cy - a.y) * (b.x - a.x) / (b.y - a.y);
                    double cx2 = a.y == b.y ? Math.max(a.x, b.x) : cx;
                    lo = Math.min(lo, cx);
                    hi = Math.max(hi, cx2);
                }
            }
            if (lo > hi) {
                continue;
            }
            int c0 = Math.max(0, (int) Math.ceil((lo - grid.minX()) / grid.cellWidth() - 0.5));
            int c1 = Math.min(grid.width() - 1, (int) Math.floor((hi - grid.minX()) / grid.cellWidth() - 0.5));
            for (int c = c0; c <= c1; c++) {
                inside[row * grid.width() + c] = true;
            }
        }
        return inside;
    }
}
