package org.geoprospect.evaluate;

import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Curves as CSV, one point per row, a header first, UTF-8, '\n' line ends. Numbers are written with
 * {@link Double#toString}, which is locale-independent and reads back to the same double; the ROC's first
 * threshold is {@code Infinity}. Thread-safe.
 */
public final class CurveCsv {
    private CurveCsv() {
    }

    /**
     * Columns {@code fpr,tpr,threshold}.
     *
     * @throws InvalidInputException     if the ROC is not defined (it has no points)
     * @throws ExecutionFailedException on I/O errors, naming the file
     */
    public static void writeRoc(Roc roc, Path file) {
        if (!roc.isDefined()) {
            throw new InvalidInputException("labels", "the ROC curve is undefined with " + roc.positives()
                    + " positives and " + roc.negatives() + " negatives");
        }
        write(file, "fpr,tpr,threshold",
                roc.points().stream().map(p -> row(p.fpr(), p.tpr(), p.threshold())));
    }

    /**
     * Columns {@code area_share,deposit_share}.
     *
     * @throws ExecutionFailedException on I/O errors, naming the file
     */
    public static void writeSuccessRate(SuccessRateCurve curve, Path file) {
        write(file, "area_share,deposit_share",
                curve.points().stream().map(p -> row(p.areaShare(), p.depositShare())));
    }

    /**
     * Any table of numbers, e.g. training curves per epoch; whole numbers are written without a decimal point.
     *
     * @param columns the header's column names
     * @param rows    one array of values per row, as many as columns
     * @throws ExecutionFailedException on I/O errors, naming the file
     */
    public static void writeTable(Path file, List<String> columns, List<double[]> rows) {
        write(file, String.join(",", columns), rows.stream().map(r -> Arrays.stream(r)
                .mapToObj(v -> v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                        : Double.toString(v)).collect(Collectors.joining(","))));
    }

    private static String row(double... values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static void write(Path file, String header, Stream<String> rows) {
        try {
            AtomicFile.write(file, temp -> {
                try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    out.write(header);
                    out.write('\n');
                    for (String row : (Iterable<String>) rows::iterator) {
                        out.write(row);
                        out.write('\n');
                    }
                }
            });
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write CSV " + file + ": " + e.getMessage(), e);
        }
    }
}
