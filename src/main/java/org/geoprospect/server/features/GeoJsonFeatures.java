package org.geoprospect.server.features;

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
 * Writes features of a {@link FeatureTable} as RFC 7946 GeoJSON onto a streaming generator, so that a page of
 * thousands of features is never held as a tree: coordinates in CRS84 rounded to 7 decimals (about 1 cm, as the RFC
 * suggests), polygon rings by the right-hand rule (exterior counter-clockwise, holes clockwise), the feature's id as
 * a number, numbers as numbers. A geometry with a vertex that could not be transformed is written as null.
 * Thread-safe (no state).
 */
final class GeoJsonFeatures {
    private static final double SCALE = 1e7;

    private GeoJsonFeatures() {
    }

    /** Writes the members of feature {@code i} of the table (the caller opens and closes its object). */
    static void featureMembers(JsonGenerator json, FeatureTable table, int i) throws IOException {
        json.writeStringField("type", "Feature");
        json.writeNumberField("id", table.ids()[i]);
        json.writeFieldName("geometry");
        Geometry g = table.geometries()[i];
        if (g == null || g.isEmpty() || !finite(g)) {
            json.writeNull();
        } else {
            geometry(json, g);
        }
        json.writeObjectFieldStart("properties");
        Object[] values = table.values()[i];
        for (int c = 0; c < values.length; c++) {
            json.writeFieldName(table.columns().get(c));
            value(json, values[c]);
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object v) throws IOException {
        if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                json.writeNull();
            }
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v == null) {
            json.writeNull();
        } else {
            json.writeString(v.toString());
        }
    }

    private static void geometry(JsonGenerator json, Geometry g) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection c && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            json.writeArrayFieldStart("geometries");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                geometry(json, c.getGeometryN(i));
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

    private static boolean finite(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return false;
            }
        }
        return true;
    }
}
