package org.geoprospect.server.features;

import com.fasterxml.jackson.core.JsonGenerator;
import org.geoprospect.vector.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;

/**
 * Writes features of a {@link FeatureTable} as RFC 7946 GeoJSON onto a streaming generator, so that a page of
 * thousands of features is never held as a tree: geometries in CRS84 by {@link GeoJsonGeometry}, the feature's id
 * as a number, numbers as numbers. A geometry with a vertex that could not be transformed is written as null.
 * Thread-safe (no state).
 */
final class GeoJsonFeatures {
    private GeoJsonFeatures() {
    }

    /** Writes the members of feature {@code i} of the table (the caller opens and closes its object). */
    static void featureMembers(JsonGenerator json, FeatureTable table, int i) throws IOException {
        json.writeStringField("type", "Feature");
        json.writeNumberField("id", table.ids()[i]);
        json.writeFieldName("geometry");
        Geometry g = table.geometries()[i];
        if (g == null || g.isEmpty() || !GeoJsonGeometry.finite(g)) {
            json.writeNull();
        } else {
            GeoJsonGeometry.write(json, g);
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

}
