package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a point layer in whichever supported format its file name says: CSV/TSV/TXT, GeoPackage ({@code .gpkg}),
 * ESRI shapefile ({@code .shp}, or a {@code .zip} holding one), GeoJSON ({@code .geojson}, {@code .json}).
 */
public final class PointLayers {
    private PointLayers() {
    }

    public static PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("samples", "no such file: " + file);
        }
        return readerFor(file).read(file, options, warnings);
    }

    static PointLayerReader readerFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return new CsvPointReader();
        }
        if (name.endsWith(".gpkg")) {
            return new GeoPackagePointReader();
        }
        if (name.endsWith(".shp") || name.endsWith(".zip")) {
            return new ShapefilePointReader();
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new GeoJsonPointReader();
        }
        throw new InvalidInputException("samples", file + ": unknown point-layer format; use CSV, GeoPackage (.gpkg), "
                + "shapefile (.shp or zipped) or GeoJSON");
    }

    /**
     * The CRS of a layer: the user's {@code --crs} when given (with a warning if the file declares another), else
     * the declared one, else EPSG:4326 when the coordinates are named as degrees.
     *
     * @param declared the file's own CRS or null
     * @param angular  whether the coordinate names say longitude/latitude
     */
    static Crs chooseCrs(Crs declared, PointLayerOptions options, boolean angular, String source, Warnings warnings) {
        if (options.crs() != null) {
            Crs given = Crs.parse(options.crs());
            if (declared != null && !declared.sameAs(given)) {
                warnings.add(source + " declares " + declared + "; 'crs' " + given.id() + " was used instead");
            }
            return given;
        }
        if (declared != null) {
            return declared;
        }
        if (angular) {
            warnings.add(source + ": no CRS given; longitude/latitude assumed to be EPSG:4326 (WGS 84)");
            return Crs.epsg(4326);
        }
        throw new InvalidInputException("crs", source + ": the file does not say its CRS; give it as 'crs' "
                + "(e.g. EPSG:3067)");
    }

    /**
     * Refuses coordinates that do not fit the CRS's units. Projected metres read as degrees would land somewhere
     * else without any other sign. Degrees read as projected lengths make a survey a few units wide at the
     * projection's origin (a one-cell grid): every coordinate within ±180, ±90 is refused for a projected CRS,
     * since real projected data lie so close to the natural origin of their CRS (within 360 m or ft, where false
     * eastings usually put no data at all) only by mistake.
     *
     * @throws InvalidInputException naming the first record at fault, or the CRS, and the CRS to give instead
     */
    static void requireCoordinatesFitCrs(PointTable table) {
        if (!table.crs().isGeographic()) {
            for (int i = 0; i < table.size(); i++) {
                if (!looksLikeDegrees(table.x()[i], table.y()[i])) {
                    return;
                }
            }
            throw new InvalidInputException("crs", table.source() + ": every coordinate lies within ±180, ±90, as "
                    + "longitude/latitude in degrees do, but the CRS is " + table.crs() + ", whose coordinates are "
                    + "lengths: the samples would all lie within a few hundred metres of its origin; if they are "
                    + "degrees, give 'crs' EPSG:4326");
        }
        for (int i = 0; i < table.size(); i++) {
            if (Math.abs(table.x()[i]) > 360 || Math.abs(table.y()[i]) > 90) {
                throw new InvalidInputException("crs", table.where(i) + ": coordinates (" + table.x()[i] + ", "
                        + table.y()[i] + ") are not degrees, but the CRS is " + table.crs().id()
                        + "; give the projected CRS as 'crs' (e.g. EPSG:3067)");
            }
        }
    }

    private static boolean looksLikeDegrees(double x, double y) {
        return Math.abs(x) <= 180 && Math.abs(y) <= 90;
    }
}
