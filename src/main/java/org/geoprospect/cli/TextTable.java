package org.geoprospect.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.geoprospect.core.ExecutionFailedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small CSV file as a terminal table: columns padded to their widest cell, numbers right-aligned. */
final class TextTable {
    private TextTable() {
    }

    static String ofCsv(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            for (CSVRecord r : csv) {
                rows.add(r.toList());
            }
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(isNumber(cell) ? pad + cell : cell + pad);
            }
            table.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return table.toString();
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+]?\\d+(\\.\\d+)?");
    }
}
