package org.geoprospect.predict;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.geoprospect.testsupport.Tool;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** GDAL's vector tools as the independent reader of our layers. */
final class Ogr {
    private static final Pattern FIELD = Pattern.compile("(?m)^(\\w+): (\\w+) \\(");

    private Ogr() {
    }

    /** {@code ogrinfo -so -al}: layer name, geometry type, feature count, extent, CRS and fields. */
    static String summary(Path file) throws IOException, InterruptedException {
        return Tool.run("", "ogrinfo", "-so", "-al", file.toString());
    }

    /** The fields listed in an {@link #summary}, name → GDAL type, in order. */
    static Map<String, String> fields(String summary) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(summary);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    /** Every feature of the file's layer as GDAL reads it, geometry as WKT in the column {@code WKT}. */
    static List<CSVRecord> features(Path file, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "CSV", "/vsistdout/", file.toString(),
                "-lco", "GEOMETRY=AS_WKT"));
        command.addAll(List.of(options));
        return csv(Tool.run("", command.toArray(String[]::new)));
    }

    /** The rows of an SQL query (SQLite dialect for a GeoPackage), nulls as empty strings. */
    static List<CSVRecord> sql(Path file, String sql) throws IOException, InterruptedException {
        return csv(Tool.run("", "ogr2ogr", "-f", "CSV", "/vsistdout/", file.toString(), "-sql", sql));
    }

    /** Longitude/latitude of projected points, by {@code gdaltransform}, as x1, y1, x2, y2, …. */
    static double[] toLonLat(String sourceCrs, double[] xy) throws IOException, InterruptedException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            in.append(xy[i]).append(' ').append(xy[i + 1]).append('\n');
        }
        String out = Tool.run(in.toString(), "gdaltransform", "-s_srs", sourceCrs, "-t_srs", "EPSG:4326",
                "-output_xy");
        return Stream.of(out.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        // GDAL ends a one-column header with a comma
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
