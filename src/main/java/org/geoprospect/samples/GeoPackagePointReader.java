package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.vector.GeoPackageLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;

import java.nio.file.Path;

/**
 * A point feature layer of an OGC GeoPackage, read with NGA's GeoPackage library (read-only; the file is not
 * touched). The CRS comes from the layer's {@code gpkg_spatial_ref_sys} row: its EPSG code, else its WKT.
 * Single-point multipoints are accepted; other geometry types are refused.
 */
final class GeoPackagePointReader implements PointLayerReader {

    @Override
    public PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        GeoPackageLayer layer = GeoPackageLayer.read(file, options.layer(), "samples");
        GeometryLayerRows rows = new GeometryLayerRows(layer.source(), layer.columns(), options, "feature");
        for (GeoPackageLayer.Row row : layer.rows()) {
            String[] values = new String[row.values().length];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.values()[c] == null ? "" : row.values()[c].toString();
            }
            rows.add(values, row.id(), () -> point(row.geometry(), layer.source(), row.id()));
        }
        return rows.table(layer.crs(), options, warnings);
    }

    private static double[] point(Geometry g, String source, long id) {
        if (g == null) {
            return null;
        }
        if (g instanceof MultiPoint mp && mp.getNumGeometries() == 1) {
            g = mp.getGeometryN(0);
        }
        if (g instanceof Point p) {
            return new double[] {p.getX(), p.getY()};
        }
        throw new InvalidInputException("samples", source + ", feature " + id + ": geometry is "
                + g.getGeometryType() + ", expected points");
    }
}
