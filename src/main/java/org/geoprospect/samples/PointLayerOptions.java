package org.geoprospect.samples;

/**
 * How to read a point layer; the same four options for every command that reads one (samples, deposits).
 *
 * @param layer  layer name in a multi-layer file (GeoPackage); {@code null}: the only point layer
 * @param xField coordinate column for x/easting/longitude; {@code null}: detected from the header
 * @param yField coordinate column for y/northing/latitude; {@code null}: detected from the header
 * @param crs    CRS of the coordinates as text ({@code EPSG:3067}, WKT); {@code null}: what the file declares,
 *               or EPSG:4326 for CSV columns named like longitude/latitude. When given for a file that declares
 *               a different CRS, the option wins and a warning says so.
 */
public record PointLayerOptions(String layer, String xField, String yField, String crs) {
    public static final PointLayerOptions DEFAULTS = new PointLayerOptions(null, null, null, null);

    public PointLayerOptions withCrs(String crs) {
        return new PointLayerOptions(layer, xField, yField, crs);
    }
}
