package org.geoprospect.server.features;

import org.geoprospect.crs.Crs;
import org.geoprospect.vector.GeoPackageLayer;
import org.locationtech.jts.geom.Geometry;

import java.nio.file.Path;
import java.util.Date;

/**
 * Reads the one feature table of a published GeoPackage — points, lines, polygons or collections of them — through
 * {@link GeoPackageLayer} into a {@link FeatureTable} in CRS84. Ids are the table's primary key;
 * attributes keep their SQL types (INTEGER as {@link Long}, REAL as {@link Double}); blobs are left out as null.
 */
final class GeoPackageFeatures {
    private GeoPackageFeatures() {
    }

    /**
     * @param crs the layer's CRS (the catalog's record of it)
     * @throws IOException naming the file when a geometry cannot be decoded
     */
    static FeatureTable read(Path file, Crs crs) {
        GeoPackageLayer layer = GeoPackageLayer.read(file, null, "layer");
        Crs84Geometries toCrs84 = new Crs84Geometries(crs);
        int n = layer.rows().size();
        long[] ids = new long[n];
        Geometry[] geometries = new Geometry[n];
        Object[][] values = new Object[n][];
        for (int i = 0; i < n; i++) {
            GeoPackageLayer.Row row = layer.rows().get(i);
            ids[i] = row.id();
            geometries[i] = row.geometry() == null ? null : toCrs84.transform(row.geometry());
            values[i] = new Object[row.values().length];
            for (int c = 0; c < values[i].length; c++) {
                values[i][c] = value(row.values()[c]);
            }
        }
        return new FeatureTable(layer.columns(), ids, geometries, values);
    }

    /** A value as GeoJSON can carry it. */
    private static Object value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Number number) {
            return number.longValue();
        }
        if (v instanceof Date date) {
            return date.toInstant().toString();
        }
        if (v instanceof byte[]) {
            return null;
        }
        return v == null || v instanceof Boolean ? v : v.toString();
    }
}
