package org.geoprospect.samples;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.Geometry;
import mil.nga.sf.MultiPoint;
import mil.nga.sf.Point;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A point feature layer of an OGC GeoPackage, read with NGA's GeoPackage library (read-only; the file is not
 * touched). The CRS comes from the layer's {@code gpkg_spatial_ref_sys} row: its EPSG code, else its WKT.
 * Single-point multipoints are accepted; other geometry types are refused.
 */
final class GeoPackagePointReader implements PointLayerReader {

    @Override
    public PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        String fileName = file.getFileName().toString();
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new InvalidInputException("samples", fileName + ": not a readable GeoPackage: " + e.getMessage(), e);
        }
        try (gpkg) {
            List<String> layers = gpkg.getFeatureTables();
            String layer = chooseLayer(options.layer(), layers, fileName);
            String source = fileName + " (layer " + layer + ")";
            FeatureDao dao = gpkg.getFeatureDao(layer);
            Crs declared = crsOf(dao.getSrs(), source);
            String geometryColumn = dao.getGeometryColumnName();
            String pk = dao.getTable().getPkColumnName();
            List<String> columns = new ArrayList<>();
            for (String c : dao.getTable().getColumnNames()) {
                if (!c.equals(geometryColumn) && !c.equals(pk)) {
                    columns.add(c);
                }
            }
            GeometryLayerRows rows = new GeometryLayerRows(source, columns, options, "feature");
            FeatureResultSet rs = dao.queryForAll();
            try {
                while (rs.moveToNext()) {
                    FeatureRow row = rs.getRow();
                    String[] values = new String[columns.size()];
                    for (int c = 0; c < values.length; c++) {
                        Object v = row.getValue(columns.get(c));
                        values[c] = v == null ? "" : v.toString();
                    }
                    rows.add(values, row.getId(), () -> geometryPoint(row.getGeometry(), source, row.getId()));
                }
            } finally {
                rs.close();
            }
            return rows.table(declared, options, warnings);
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

    private static Crs crsOf(SpatialReferenceSystem srs, String source) {
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
        return null; // undefined SRS (-1 / 0): the user must say it with --crs
    }

    private static double[] geometryPoint(GeoPackageGeometryData data, String source, long id) {
        Geometry g = data == null ? null : data.getGeometry();
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (g instanceof MultiPoint mp && mp.numPoints() == 1) {
            g = mp.getPoint(0);
        }
        if (g instanceof Point p) {
            return new double[] {p.getX(), p.getY()};
        }
        throw new InvalidInputException("samples", source + ", feature " + id + ": geometry is "
                + g.getGeometryType() + ", expected points");
    }
}
