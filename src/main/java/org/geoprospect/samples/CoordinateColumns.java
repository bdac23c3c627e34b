package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.util.List;
import java.util.Locale;

/**
 * Finds the x and y columns of a table: the ones the user named, or the first known pair in the header
 * (x/y, easting/northing, lon/lat and their usual spellings), matched case-insensitively.
 *
 * @param x         index of the x (easting, longitude) column
 * @param y         index of the y (northing, latitude) column
 * @param angular   true when the names say degrees (lon/lat), so EPSG:4326 may be assumed
 */
public record CoordinateColumns(int x, int y, boolean angular) {
    private static final String[][] PAIRS = {
            {"x", "y"}, {"easting", "northing"}, {"east", "north"}, {"e", "n"}, {"point_x", "point_y"},
            {"x_coord", "y_coord"}, {"xcoord", "ycoord"}, {"utm_e", "utm_n"}, {"mga_e", "mga_n"},
            {"lon", "lat"}, {"longitude", "latitude"}, {"long", "lat"}, {"lng", "lat"},
            {"lon_dd", "lat_dd"}, {"long_dd", "lat_dd"}, {"decimal_longitude", "decimal_latitude"},
    };
    private static final int FIRST_ANGULAR = 9;

    /**
     * @param header column names
     * @param xField the user's x column or null
     * @param yField the user's y column or null
     * @param source file name for messages
     */
    public static CoordinateColumns find(List<String> header, String xField, String yField, String source) {
        if (xField != null || yField != null) {
            if (xField == null || yField == null) {
                throw new InvalidInputException("xField", "give both 'xField' and 'yField' (" + source + ")");
            }
            int x = indexIgnoreCase(header, xField);
            int y = indexIgnoreCase(header, yField);
            if (x < 0 || y < 0) {
                throw new InvalidInputException(x < 0 ? "xField" : "yField", source + ": no column named '"
                        + (x < 0 ? xField : yField) + "'; columns are " + header);
            }
            String lx = xField.toLowerCase(Locale.ROOT);
            return new CoordinateColumns(x, y, lx.startsWith("lon") || lx.startsWith("lng"));
        }
        for (int p = 0; p < PAIRS.length; p++) {
            int x = indexIgnoreCase(header, PAIRS[p][0]);
            int y = indexIgnoreCase(header, PAIRS[p][1]);
            if (x >= 0 && y >= 0) {
                return new CoordinateColumns(x, y, p >= FIRST_ANGULAR);
            }
        }
        throw new InvalidInputException("samples", source + ": no coordinate columns found (looked for x/y, "
                + "easting/northing, lon/lat, longitude/latitude); name them with 'xField' and 'yField'. "
                + "Columns are " + header);
    }

    /**
     * A coordinate as a number. Java also parses {@code NaN} and {@code Infinity}; a point there cannot be placed,
     * so they are refused like any other text.
     *
     * @param where  the record, for the message ({@code file.csv, line 17})
     * @param column the coordinate column's name
     */
    static double parse(String text, String where, String column) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the place
        }
        throw new InvalidInputException("samples", where + ", column " + column + ": coordinate '" + text
                + "' is not a number");
    }

    private static int indexIgnoreCase(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
