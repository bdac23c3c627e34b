package org.geoprospect.server.features;

import org.geoprospect.core.Warnings;
import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.server.layers.BoundingBoxes;
import org.geoprospect.samples.PointLayerOptions;
import org.geoprospect.samples.PointLayers;
import org.geoprospect.samples.PointTable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a published point file (CSV, zipped shapefile, GeoJSON) with the samples' readers into a
 * {@link FeatureTable} in CRS84. Ids are the 1-based rows of the table read. The readers give every value as text;
 * a column whose every non-blank value is a JSON number becomes numbers ({@link Long} when all are whole, else
 * {@link Double}), so that clients see numbers — but {@code 007} or {@code NaN} keep a column text.
 */
final class PointFileFeatures {
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?(?:0|[1-9]\\d{0,17})");

    private PointFileFeatures() {
    }

    /** @param crs the layer's CRS as the catalog records it (the CRS a CSV was published with) */
    static FeatureTable read(Path file, String crs) {
        PointTable points = PointLayers.read(file, PointLayerOptions.DEFAULTS.withCrs(crs), new Warnings());
        double[] lon = points.x().clone();
        double[] lat = points.y().clone();
        new CoordinateTransform(points.crs(), BoundingBoxes.CRS84).transform(lon, lat);
        GeometryFactory factory = new GeometryFactory();
        int n = points.size();
        long[] ids = new long[n];
        Geometry[] geometries = new Geometry[n];
        Object[][] values = new Object[n][points.columns().size()];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
            geometries[i] = factory.createPoint(new Coordinate(lon[i], lat[i]));
        }
        List<String[]> columns = points.values();
        for (int c = 0; c < columns.size(); c++) {
            String[] text = columns.get(c);
            Kind kind = kind(text);
            for (int i = 0; i < n; i++) {
                values[i][c] = kind.value(text[i]);
            }
        }
        return new FeatureTable(points.columns(), ids, geometries, values);
    }

    private enum Kind {
        WHOLE, DECIMAL, TEXT;

        Object value(String text) {
            if (text == null || text.isBlank()) {
                return this == TEXT ? text : null;
            }
            String t = text.strip();
            return switch (this) {
                case WHOLE -> Long.parseLong(t);
                case DECIMAL -> Double.parseDouble(t);
                case TEXT -> text;
            };
        }
    }

    private static Kind kind(String[] text) {
        boolean whole = true;
        boolean any = false;
        for (String s : text) {
            if (s == null || s.isBlank()) {
                continue;
            }
            String t = s.strip();
            if (!NUMBER.matcher(t).matches()) {
                return Kind.TEXT;
            }
            any = true;
            whole &= WHOLE.matcher(t).matches();
        }
        return !any ? Kind.TEXT : whole ? Kind.WHOLE : Kind.DECIMAL;
    }
}
