package org.geoprospect.server.features;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * The features of a vector layer, in CRS84 (longitude, latitude), as served: each with its stable id, its geometry
 * (null when it has none) and its attribute values — {@link Long} or {@link Double} where the column is numeric,
 * {@link Boolean}, {@link String}, or null. Immutable by convention: the arrays are not copied. Thread-safe once made
 * (the geometries' envelopes, which JTS computes lazily, are computed here).
 *
 * @param columns    attribute names, in the layer's order
 * @param ids        per feature its id: the GeoPackage primary key, or the 1-based row of a point file
 * @param geometries per feature its geometry in CRS84, or null
 * @param values     per feature one value per column
 */
record FeatureTable(List<String> columns, long[] ids, Geometry[] geometries, Object[][] values) {
    FeatureTable {
        columns = List.copyOf(columns);
        if (ids.length != geometries.length || ids.length != values.length) {
            throw new IllegalArgumentException("inconsistent feature table sizes");
        }
        for (Geometry g : geometries) {
            if (g != null) {
                g.getEnvelopeInternal();
            }
        }
    }

    int size() {
        return ids.length;
    }

    /** @return the index of the feature with this id, or -1 */
    int indexOf(long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** @return whether feature i's envelope meets the CRS84 box (west may exceed east across the antimeridian) */
    boolean intersects(int i, double[] bbox) {
        Geometry g = geometries[i];
        if (g == null || g.isEmpty()) {
            return false;
        }
        Envelope e = g.getEnvelopeInternal();
        boolean latitude = e.getMaxY() >= bbox[1] && e.getMinY() <= bbox[3];
        boolean longitude = bbox[0] <= bbox[2] ? e.getMaxX() >= bbox[0] && e.getMinX() <= bbox[2]
                : e.getMaxX() >= bbox[0] || e.getMinX() <= bbox[2];
        return latitude && longitude;
    }

    /** A rough size in memory, for the cache's budget: coordinates, envelopes, values and object overheads. */
    long bytes() {
        long total = 64L * ids.length;
        for (int i = 0; i < ids.length; i++) {
            total += geometries[i] == null ? 0 : 160 + 40L * geometries[i].getNumPoints();
            for (Object v : values[i]) {
                total += v instanceof String s ? 48 + 2L * s.length() : 24;
            }
        }
        return total;
    }
}
