package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the records of a layer that has geometries (GeoPackage, shapefile, GeoJSON) into a {@link PointTable},
 * so that these readers treat points the same way. A record's point is its geometry, or, when the user named
 * {@code --x-field}/{@code --y-field}, the values of those attribute columns (the geometry is then not read, so a
 * table whose geometry is unusable can still be read by its columns). A record without a point is skipped and
 * counted in one warning. Not thread-safe: one per read.
 */
final class GeometryLayerRows {
    private final String source;
    private final List<String> columns;
    private final String recordKind;
    private final CoordinateColumns fields;
    private final List<double[]> coordinates = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<Long> numbers = new ArrayList<>();
    private int skipped;

    /**
     * @param columns    attribute column names, in the order of the values passed to {@link #add}
     * @param recordKind what record numbers count ({@code record}, {@code feature})
     */
    GeometryLayerRows(String source, List<String> columns, PointLayerOptions options, String recordKind) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.recordKind = recordKind;
        boolean fromFields = options.xField() != null || options.yField() != null;
        this.fields = fromFields ? CoordinateColumns.find(columns, options.xField(), options.yField(), source) : null;
    }

    /**
     * @param values   the record's attribute values as text, one per column ("" when absent)
     * @param number   the record number a user can find it by
     * @param geometry its point as {x, y}, or null when it has none; asked only when coordinates are not taken
     *                 from fields
     */
    void add(String[] values, long number, Supplier<double[]> geometry) {
        double[] point = fields == null ? geometry.get() : fieldPoint(values, number);
        if (point == null) {
            skipped++;
            return;
        }
        coordinates.add(point);
        rows.add(values);
        numbers.add(number);
    }

    /**
     * @param declared the CRS the file declares, or null
     * @throws InvalidInputException when no record had a point, or the CRS cannot be decided or does not fit
     */
    PointTable table(Crs declared, PointLayerOptions options, Warnings warnings) {
        if (skipped > 0) {
            warnings.add(source + ": " + skipped + " " + recordKind + "(s) without a point were skipped");
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("samples", source + ": no " + recordKind + "s with points");
        }
        boolean angular = fields != null && fields.angular();
        Crs crs = PointLayers.chooseCrs(declared, options, angular, source, warnings);
        PointTable table = Tables.build(source, crs, columns, coordinates, rows, numbers, recordKind);
        PointLayers.requireCoordinatesFitCrs(table);
        return table;
    }

    private double[] fieldPoint(String[] values, long number) {
        String xs = values[fields.x()].strip();
        String ys = values[fields.y()].strip();
        if (xs.isEmpty() || ys.isEmpty()) {
            return null;
        }
        String where = source + ", " + recordKind + " " + number;
        return new double[] {CoordinateColumns.parse(xs, where, columns.get(fields.x())),
                CoordinateColumns.parse(ys, where, columns.get(fields.y()))};
    }
}
