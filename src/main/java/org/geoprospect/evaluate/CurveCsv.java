package org.geoprospect.evaluate;

import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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

    private static String row(double... values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static void write(Path file, String header, Stream<String> rows) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (String row : (Iterable<String>) rows::iterator) {
                out.write(row);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write CSV " + file + ": " + e.getMessage(), e);
        }
    }
}
