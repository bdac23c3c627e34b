package org.geoprospect.samples;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Delimited text with a header row: comma, semicolon or tab separated (guessed from the header), UTF-8 with or
 * without BOM, quoted fields allowed. Coordinates come from the named or detected columns ({@link CoordinateColumns});
 * a record with an empty coordinate is skipped with a warning, a coordinate that is not a number is an error.
 */
final class CsvPointReader implements PointLayerReader {

    @Override
    public PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        String source = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1 << 16);
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw new InvalidInputException("samples", source + ": the file is empty (no header row)");
            }
            reader.reset();
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(first)).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                List<String> header = new ArrayList<>();
                for (String h : parser.getHeaderNames()) {
                    header.add(h.replace("\uFEFF", "").strip());
                }
                CoordinateColumns xy = CoordinateColumns.find(header, options.xField(), options.yField(), source);
                List<String> columns = new ArrayList<>();
                List<Integer> columnIndex = new ArrayList<>();
                for (int c = 0; c < header.size(); c++) {
                    if (c != xy.x() && c != xy.y()) {
                        columns.add(header.get(c));
                        columnIndex.add(c);
                    }
                }
                List<double[]> coordinates = new ArrayList<>();
                List<String[]> rows = new ArrayList<>();
                List<Long> lines = new ArrayList<>();
                int skipped = 0;
                for (CSVRecord record : parser) {
                    long line = record.getRecordNumber() + 1;
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // a blank line
                    }
                    String xs = field(record, xy.x());
                    String ys = field(record, xy.y());
                    if (xs.isEmpty() || ys.isEmpty()) {
                        skipped++;
                        continue;
                    }
                    double x = number(xs, source, line, header.get(xy.x()));
                    double y = number(ys, source, line, header.get(xy.y()));
                    coordinates.add(new double[] {x, y});
                    String[] row = new String[columnIndex.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = field(record, columnIndex.get(c));
                    }
                    rows.add(row);
                    lines.add(line);
                }
                if (skipped > 0) {
                    warnings.add(source + ": " + skipped + " record(s) without coordinates were skipped");
                }
                if (rows.isEmpty()) {
                    throw new InvalidInputException("samples", source + ": no records with coordinates");
                }
                return table(source, xy, header, columns, coordinates, rows, lines, options, warnings);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("samples", source + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("samples", source + ": not a valid CSV file: " + e.getMessage(), e);
        }
    }

    private static PointTable table(String source, CoordinateColumns xy, List<String> header, List<String> columns,
                                    List<double[]> coordinates, List<String[]> rows, List<Long> lines,
                                    PointLayerOptions options, Warnings warnings) {
        var crs = PointLayers.chooseCrs(null, options, xy.angular(), source, warnings);
        PointTable table = Tables.build(source, crs, columns, coordinates, rows, lines, "line");
        if (crs.isGeographic()) {
            checkDegrees(table.x(), table.y(), source, header.get(xy.x()), header.get(xy.y()));
        }
        return table;
    }

    /** Projected metres given as a geographic CRS would silently land in the wrong place: refuse them. */
    private static void checkDegrees(double[] x, double[] y, String source, String xName, String yName) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > 360 || Math.abs(y[i]) > 90) {
                throw new InvalidInputException("crs", source + ": columns " + xName + "/" + yName
                        + " hold values like (" + x[i] + ", " + y[i] + ") that are not degrees, but the CRS is "
                        + "geographic; give the projected CRS with --crs");
            }
        }
    }

    private static String field(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
    }

    private static double number(String text, String source, long line, String column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("samples", source + ", line " + line + ", column " + column
                    + ": coordinate '" + text + "' is not a number");
        }
    }

    private static char delimiter(String header) {
        int commas = count(header, ',');
        int semicolons = count(header, ';');
        int tabs = count(header, '\t');
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
