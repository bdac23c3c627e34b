package org.geoprospect.vector;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One feature table of a GeoPackage, read-only with NGA's GeoPackage library: the table asked for or the only one,
 * its attribute columns (neither the geometry nor the primary key), the CRS it declares, and each row's id,
 * geometry and values. The one GeoPackage reader: sample and deposit layers take points from it, the server's
 * OGC API – Features any geometry.
 *
 * @param source  the file and table, for messages, e.g. {@code till.gpkg (layer till)}
 * @param columns the attribute columns, in table order
 * @param crs     the declared CRS, or null when the table's SRS is undefined
 */
public record GeoPackageLayer(String source, List<String> columns, Crs crs, List<Row> rows) {
    /**
     * @param geometry the row's geometry, or null when it has none or an empty one
     * @param values   raw values as NGA reads them ({@link Long}, {@link Double}, {@link String}, …), by column
     */
    public record Row(long id, Geometry geometry, Object[] values) {
    }

    /**
     * @param layer the table, or null for the only one
     * @param input the process input the file is given for, which errors name
     * @throws InvalidInputException if the file is not a GeoPackage, the table is not there or is not the only
     *                               one, or a geometry cannot be decoded
     */
    public static GeoPackageLayer read(Path file, String layer, String input) {
        String fileName = file.getFileName().toString();
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new InvalidInputException(input, fileName + ": not a readable GeoPackage: " + e.getMessage(), e);
        }
        try (gpkg) {
            String table = chooseLayer(layer, gpkg.getFeatureTables(), fileName);
            String source = fileName + " (layer " + table + ")";
            FeatureDao dao = gpkg.getFeatureDao(table);
            String geometryColumn = dao.getGeometryColumnName();
            String pk = dao.getTable().getPkColumnName();
            List<String> columns = new ArrayList<>();
            for (String c : dao.getTable().getColumnNames()) {
                if (!c.equals(geometryColumn) && !c.equals(pk)) {
                    columns.add(c);
                }
            }
            WKBReader wkb = new WKBReader();
            List<Row> rows = new ArrayList<>();
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    Object[] values = new Object[columns.size()];
                    for (int c = 0; c < values.length; c++) {
                        values[c] = row.getValue(columns.get(c));
                    }
                    rows.add(new Row(row.getId(), geometry(row.getGeometry(), wkb, source, row.getId(), input),
                            values));
                }
            } finally {
                rs.close();
            }
            return new GeoPackageLayer(source, columns, crsOf(dao.getSrs()), rows);
        }
    }

    private static Geometry geometry(GeoPackageGeometryData data, WKBReader wkb, String source, long id,
                                     String input) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        try {
            Geometry g = wkb.read(data.getWkb());
            return g.isEmpty() ? null : g;
        } catch (ParseException | IOException e) {
            throw new InvalidInputException(input, source + ", feature " + id + ": cannot decode its geometry: "
                    + e.getMessage(), e);
        }
    }

    private static String chooseLayer(String requested, List<String> layers, String fileName) {
        if (requested != null) {
            if (!layers.contains(requested)) {
                throw new InvalidInputException("layer", fileName + ": no feature layer '" + requested
                        + "'; layers are " + layers);
            }
            return requested;
        }
        if (layers.size() == 1) {
            return layers.get(0);
        }
        throw new InvalidInputException("layer", fileName + (layers.isEmpty() ? ": holds no feature layer"
                : ": holds " + layers.size() + " feature layers " + layers + "; choose one with 'layer'"));
    }

    private static Crs crsOf(SpatialReferenceSystem srs) {
        if (srs == null) {
            return null;
        }
        if ("EPSG".equalsIgnoreCase(srs.getOrganization()) && srs.getOrganizationCoordsysId() > 0) {
            return Crs.epsg((int) srs.getOrganizationCoordsysId());
        }
        String wkt = srs.getDefinition();
        if (wkt != null && wkt.contains("[")) {
            return Crs.fromWkt(wkt);
        }
        return null; // an undefined SRS (-1 / 0): the user must give the CRS
    }
}
