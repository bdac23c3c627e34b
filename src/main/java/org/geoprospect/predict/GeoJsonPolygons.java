package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.crs.Crs;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Puts polygons into the form RFC 7946 asks of GeoJSON: WGS84 longitude/latitude (EPSG:4326 in lon/lat order),
 * rounded to 7 decimals (about 1 cm, the precision the RFC suggests), exterior rings counter-clockwise and holes
 * clockwise (the right-hand rule). Orientation is set after rounding, so the written coordinates obey it.
 * Not thread-safe (the coordinate transform keeps state): make one per thread.
 */
final class GeoJsonPolygons {
    private static final double SCALE = 1e7;

    private final CoordinateTransform toLonLat;
    private final GeometryFactory factory = new GeometryFactory();

    /** For polygons in {@code source}. */
    GeoJsonPolygons(Crs source) {
        this.toLonLat = new CoordinateTransform(source, Crs.epsg(4326));
    }

    /**
     * @return the polygon in WGS84 lon/lat, rounded and oriented
     * @throws InvalidInputException when a vertex cannot be transformed (outside its projection's domain)
     */
    Polygon lonLat(Polygon polygon) {
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(polygon.getInteriorRingN(i), false);
        }
        return factory.createPolygon(ring(polygon.getExteriorRing(), true), holes);
    }

    private LinearRing ring(LinearRing ring, boolean counterClockwise) {
        Coordinate[] grid = ring.getCoordinates();
        Coordinate[] lonLat = new Coordinate[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double[] p = toLonLat.transform(grid[i].x, grid[i].y);
            lonLat[i] = new Coordinate(round(p[0]), round(p[1]));
        }
        LinearRing result = factory.createLinearRing(lonLat);
        return Orientation.isCCW(lonLat) == counterClockwise ? result : result.reverse();
    }

    private static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }
}
