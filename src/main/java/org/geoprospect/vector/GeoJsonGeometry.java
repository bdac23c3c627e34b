package org.geoprospect.vector;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;

/**
 * JTS geometries as RFC 7946 GeoJSON geometry objects on a streaming generator — the one writer of the target
 * layer's GeoJSON file and of OGC API – Features items: coordinates rounded to 7 decimals (about 1 cm, as the RFC
 * suggests), polygon rings by the right-hand rule (exterior counter-clockwise, holes clockwise). Stateless.
 */
public final class GeoJsonGeometry {
    private static final double SCALE = 1e7;

    private GeoJsonGeometry() {
    }

    /**
     * Writes {@code g}, already in longitude/latitude, as a GeoJSON geometry object: every vertex rounded to 7
     * decimals, polygon rings by the right-hand rule. Its coordinates must be finite.
     */
    public static void write(JsonGenerator json, Geometry g) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection c && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            json.writeArrayFieldStart("geometries");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                write(json, c.getGeometryN(i));
            }
        } else {
            json.writeArrayFieldStart("coordinates");
            coordinates(json, g);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The contents of the coordinates array (its brackets are the caller's). */
    private static void coordinates(JsonGenerator json, Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(json, p.getCoordinate());
        } else if (g instanceof LineString line) {
            for (Coordinate c : line.getCoordinates()) {
                json.writeStartArray();
                position(json, c);
                json.writeEndArray();
            }
        } else if (g instanceof Polygon polygon) {
            ring(json, polygon.getExteriorRing().getCoordinates(), true);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(json, polygon.getInteriorRingN(i).getCoordinates(), false);
            }
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) { // the members of a multi-geometry
                json.writeStartArray();
                coordinates(json, g.getGeometryN(i));
                json.writeEndArray();
            }
        }
    }

    private static void ring(JsonGenerator json, Coordinate[] ring, boolean counterClockwise) throws IOException {
        boolean reverse = ring.length >= 4 && Orientation.isCCW(ring) != counterClockwise;
        json.writeStartArray();
        for (int k = 0; k < ring.length; k++) {
            json.writeStartArray();
            position(json, ring[reverse ? ring.length - 1 - k : k]);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static void position(JsonGenerator json, Coordinate c) throws IOException {
        json.writeNumber(Math.round(c.x * SCALE) / SCALE);
        json.writeNumber(Math.round(c.y * SCALE) / SCALE);
    }

    /** @return whether every vertex of {@code g} is finite (a failed transform leaves NaN) */
    public static boolean finite(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return false;
            }
        }
        return true;
    }
}
