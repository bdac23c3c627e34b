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
            skipByteOrderMark(reader);
            reader.mark(1 << 20);
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
                    header.add(h.strip());
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
                    // the line the record ends on: record numbers miss blank lines and multi-line fields
                    long line = parser.getCurrentLineNumber();
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // a blank line
                    }
                    String xs = field(record, xy.x());
                    String ys = field(record, xy.y());
                    if (xs.isEmpty() || ys.isEmpty()) {
                        skipped++;
                        continue;
                    }
                    String where = source + ", line " + line;
                    double x = CoordinateColumns.parse(xs, where, header.get(xy.x()));
                    double y = CoordinateColumns.parse(ys, where, header.get(xy.y()));
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
                var crs = PointLayers.chooseCrs(null, options, xy.angular(), source, warnings);
                PointTable table = Tables.build(source, crs, columns, coordinates, rows, lines, "line");
                PointLayers.requireCoordinatesFitCrs(table);
                return table;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("samples", source + ": cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("samples", source + ": not a valid CSV file: " + e.getMessage(), e);
        }
    }

    /** A UTF-8 byte order mark would otherwise stick to the first header name, or hide its quotes. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String field(CSVRecord record, int index) {
        return index < record.size() ? record.get(index).strip() : "";
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
