package org.geoprospect.server.features;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads the one feature table of a published GeoPackage — points, lines, polygons or collections of them — with
 * NGA's GeoPackage library, read-only, into a {@link FeatureTable} in CRS84. Ids are the table's primary key;
 * attributes keep their SQL types (INTEGER as {@link Long}, REAL as {@link Double}); blobs are left out as null.
 */
final class GeoPackageFeatures {
    private GeoPackageFeatures() {
    }

    /**
     * @param crs the layer's CRS (the catalog's record of it)
     * @throws IOException naming the file when a geometry cannot be decoded
     */
    static FeatureTable read(Path file, Crs crs) throws IOException {
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new InvalidInputException("layer", file.getFileName() + ": not a readable GeoPackage: "
                    + e.getMessage(), e);
        }
        try (gpkg) {
            FeatureDao dao = gpkg.getFeatureDao(gpkg.getFeatureTables().get(0));
            String geometryColumn = dao.getGeometryColumnName();
            String pk = dao.getTable().getPkColumnName();
            List<String> columns = new ArrayList<>();
            for (String c : dao.getTable().getColumnNames()) {
                if (!c.equals(geometryColumn) && !c.equals(pk)) {
                    columns.add(c);
                }
            }
            Crs84Geometries toCrs84 = new Crs84Geometries(crs);
            WKBReader wkb = new WKBReader();
            List<Long> ids = new ArrayList<>();
            List<Geometry> geometries = new ArrayList<>();
            List<Object[]> values = new ArrayList<>();
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    ids.add(row.getId());
                    GeoPackageGeometryData data = row.getGeometry();
                    geometries.add(data == null || data.isEmpty() ? null
                            : toCrs84.transform(wkb.read(data.getWkb())));
                    Object[] v = new Object[columns.size()];
                    for (int c = 0; c < v.length; c++) {
                        v[c] = value(row.getValue(columns.get(c)));
                    }
                    values.add(v);
                }
            } catch (ParseException e) {
                throw new IOException(file.getFileName() + ", feature " + ids.get(ids.size() - 1)
                        + ": cannot decode its geometry: " + e.getMessage(), e);
            } finally {
                rs.close();
            }
            return new FeatureTable(columns, ids.stream().mapToLong(Long::longValue).toArray(),
                    geometries.toArray(Geometry[]::new), values.toArray(Object[][]::new));
        }
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
