package org.geoprospect.predict;

import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.List;

/**
 * Four hand-made targets on a grid of square cells: a square (its ring clockwise), an L-shape, a polygon with a
 * hole (both rings counter-clockwise) and a rectangle; known and new ones, with and without tiles. Written in cell
 * units and placed at an origin with a cell size, so that the same shapes serve any CRS. Origins and cell sizes that
 * are binary fractions keep every coordinate exact in text. Public for the server's tests of target layers.
 */
public final class SampleTargets {
    private static final List<String> SHAPES = List.of(
            "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))",
            "POLYGON ((2 0, 4 0, 4 1, 3 1, 3 2, 2 2, 2 0))",
            "POLYGON ((5 0, 8 0, 8 3, 5 3, 5 0), (6 1, 7 1, 7 2, 6 2, 6 1))",
            "POLYGON ((0 3, 2 3, 2 4, 0 4, 0 3))");

    private SampleTargets() {
    }

    /** The targets with cell corner (u, v) at (x0 + u·cell, y0 + v·cell). */
    public static List<Target> at(double x0, double y0, double cell) {
        return List.of(
                new Target(1, 1, shape(0, x0, y0, cell), List.of(7, 8, 12), 0.8123456789012345, 0.97, 0.0625,
                        1.0, 2, 1),
                new Target(2, 2, shape(1, x0, y0, cell), List.of(), 0.75, 0.8, Double.NaN, 3.0, 0, 3),
                new Target(3, 3, shape(2, x0, y0, cell), List.of(20), 0.6, 0.9, 0.125, 8.0, 1, 8),
                new Target(4, 4, shape(3, x0, y0, cell), List.of(31, 32), 0.5, 0.55, Double.NaN, 2.0, 0, 2));
    }

    /** The targets in UTM zone 50N (EPSG:32650): 1 km cells west of the central meridian, near 31.6° N. */
    public static List<Target> utm50() {
        return at(480000, 3500000, 1000);
    }

    private static Polygon shape(int index, double x0, double y0, double cell) {
        try {
            Polygon p = (Polygon) new WKTReader().read(SHAPES.get(index));
            return (Polygon) new AffineTransformation(cell, 0, x0, 0, cell, y0).transform(p);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
