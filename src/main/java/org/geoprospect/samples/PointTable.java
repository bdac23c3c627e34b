package org.geoprospect.samples;

import org.geoprospect.crs.Crs;

import java.util.List;
import java.util.Objects;

/**
 * A point layer as read from a file, before any interpretation of its attributes: coordinates in {@link #crs()},
 * attribute values as the text the file holds (numbers written with {@link Double#toString} where the format stores
 * numbers), and for each point the record number a user can find it by ({@code line 17} of a CSV, {@code feature 17}
 * of a GeoPackage layer). Samples and deposits are both read into this. Immutable by convention: arrays are not copied.
 *
 * @param source       the file (and layer) it came from, for messages
 * @param crs          the CRS of x and y
 * @param x            easting or longitude
 * @param y            northing or latitude
 * @param columns      attribute column names in file order (coordinate columns excluded)
 * @param values       per column, one text value per point ({@code null} or empty when absent)
 * @param recordKind   what a record number counts: {@code line}, {@code feature} or {@code record}
 * @param recordNumbers per point, its record number in the file
 */
public record PointTable(String source, Crs crs, double[] x, double[] y, List<String> columns, List<String[]> values,
                         String recordKind, long[] recordNumbers) {
    public PointTable {
        Objects.requireNonNull(source);
        Objects.requireNonNull(crs);
        if (x.length != y.length || recordNumbers.length != x.length || columns.size() != values.size()) {
            throw new IllegalArgumentException("inconsistent point table sizes");
        }
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }

    public int size() {
        return x.length;
    }

    /** Index of the column with this exact name, or -1. */
    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    /** "file.csv, line 17" — where point i is, for messages. */
    public String where(int i) {
        return source + ", " + recordKind + " " + recordNumbers[i];
    }
}
