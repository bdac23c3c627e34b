package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ESRI point shapefile ({@code .shp} with {@code .shx} and {@code .dbf} beside it), or a {@code .zip} holding
 * one ({@code --layer} names it by base name when there are several). Points come from {@link ShpPoints},
 * attributes from {@link DbfReader}, decoded in the charset of the {@code .cpg} file, else ISO-8859-1 (dBASE's
 * usual single-byte text, which never fails to decode). The CRS is the {@code .prj}'s (ESRI WKT, its EPSG code
 * recovered by {@link Crs#fromWkt}). Records are numbered from 1 in file order ({@code record 3}); null shapes and
 * deleted records are skipped with a warning. Stateless.
 */
final class ShapefilePointReader implements PointLayerReader {

    @Override
    public PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        String fileName = file.getFileName().toString();
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (ShapefileArchive archive = ShapefileArchive.extract(file, options.layer())) {
                return readShapefile(archive.shp(), fileName + " (" + archive.entryName() + ")", options, warnings);
            }
        }
        String layer = ShapefileArchive.stem(fileName);
        if (options.layer() != null && !options.layer().equals(layer)) {
            throw new InvalidInputException("layer", fileName + ": a shapefile has one layer, '" + layer
                    + "', not '" + options.layer() + "'");
        }
        return readShapefile(file, fileName, options, warnings);
    }

    private static PointTable readShapefile(Path shp, String source, PointLayerOptions options, Warnings warnings) {
        Path shx = sidecar(shp, "shx").orElseThrow(() -> missing(shp, "shx", source));
        Path dbf = sidecar(shp, "dbf").orElseThrow(() -> missing(shp, "dbf", source));
        Charset charset = sidecar(shp, "cpg").map(cpg -> charset(cpg, warnings)).orElse(StandardCharsets.ISO_8859_1);
        DbfTable attributes = DbfReader.read(dbf, charset, warnings);
        List<double[]> points = ShpPoints.read(shp, shx, source);
        if (points.size() != attributes.rows().size()) {
            throw new InvalidInputException("samples", source + ": holds " + points.size() + " shapes but "
                    + dbf.getFileName() + " holds " + attributes.rows().size() + " records");
        }
        GeometryLayerRows rows = new GeometryLayerRows(source, attributes.columns(), options, "record");
        int deleted = 0;
        for (int i = 0; i < points.size(); i++) {
            if (attributes.deleted()[i]) {
                deleted++;
                continue;
            }
            double[] point = points.get(i);
            rows.add(attributes.rows().get(i), i + 1, () -> point);
        }
        if (deleted > 0) {
            warnings.add(source + ": " + deleted + " record(s) marked deleted were skipped");
        }
        Crs declared = sidecar(shp, "prj").map(ShapefilePointReader::crs).orElse(null);
        return rows.table(declared, options, warnings);
    }

    /** The file beside the {@code .shp} with the same base name and this extension, in lower or upper case. */
    private static Optional<Path> sidecar(Path shp, String extension) {
        String stem = ShapefileArchive.stem(shp.getFileName().toString());
        for (String ext : List.of(extension, extension.toUpperCase(Locale.ROOT))) {
            Path p = shp.resolveSibling(stem + "." + ext);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static InvalidInputException missing(Path shp, String extension, String source) {
        return new InvalidInputException("samples", source + ": " + ShapefileArchive.stem(shp.getFileName()
                .toString()) + "." + extension + " is missing; a shapefile needs its .shp, .shx and .dbf side by side");
    }

    private static Crs crs(Path prj) {
        String wkt = text(prj);
        if (wkt.isEmpty()) {
            return null;
        }
        try {
            return Crs.fromWkt(wkt);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("crs", prj.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The charset a {@code .cpg} names: a Java name ({@code UTF-8}), or an ESRI code page number
     * ({@code 1252}, {@code 88591}, {@code ANSI 1252}). An unknown one falls back to ISO-8859-1 with a warning.
     */
    static Charset charset(Path cpg, Warnings warnings) {
        String name = text(cpg);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            String digits = name.replaceAll("\\D", "");
            String javaName = digits.startsWith("8859") ? "ISO-8859-" + digits.substring(4)
                    : digits.equals("65001") ? "UTF-8"
                    : digits.length() == 4 ? "windows-" + digits : "IBM" + digits;
            if (!digits.isEmpty() && Charset.isSupported(javaName)) {
                return Charset.forName(javaName);
            }
            warnings.add(cpg.getFileName() + ": unknown code page '" + name + "'; text read as ISO-8859-1");
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new InvalidInputException("samples", file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
    }
}
