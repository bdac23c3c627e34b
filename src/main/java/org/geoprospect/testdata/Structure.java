package org.geoprospect.testdata;

/**
 * A straight "structure" (a fault zone) that deposits cluster along: the infinite line through (x, y) with the
 * given azimuth.
 *
 * @param id      1-based number
 * @param x       easting of a point on the line, metres
 * @param y       northing of that point, metres
 * @param azimuth direction in degrees clockwise from grid north, in [0, 180)
 */
public record Structure(int id, double x, double y, double azimuth) {
}
