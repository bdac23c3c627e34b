package org.geoprospect.testdata;

import org.geoprospect.core.ExecutionFailedException;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code samples.csv} and {@code deposits.csv}: comma-separated UTF-8, a header row, {@code \n} line ends
 * on every platform. Coordinates are whole metres; element values have three significant digits, as a laboratory
 * reports them, {@code <limit} below the detection limit and an empty cell where not analysed.
 */
final class SurveyCsvWriter {
    private static final MathContext REPORTED = new MathContext(3, RoundingMode.HALF_EVEN);

    private SurveyCsvWriter() {
    }

    /** Columns {@code sample_id,x,y} then one per element, named symbol_unit ({@code Au_ppb}). */
    static void writeSamples(GeneratedSurvey survey, Path file) {
        StringBuilder out = new StringBuilder("sample_id,x,y");
        for (ElementModel e : survey.elements()) {
            out.append(',').append(e.column());
        }
        out.append('\n');
        for (Sample s : survey.samples()) {
            out.append(s.id()).append(',').append(metres(s.x())).append(',').append(metres(s.y()));
            for (int e = 0; e < survey.elements().size(); e++) {
                out.append(',').append(reported(s.values()[e], survey.elements().get(e).detectionLimit()));
            }
            out.append('\n');
        }
        write(file, out);
    }

    /** Columns {@code id,x,y,name,status}; known deposits only. */
    static void writeDeposits(GeneratedSurvey survey, Path file) {
        StringBuilder out = new StringBuilder("id,x,y,name,status\n");
        for (Deposit d : survey.deposits()) {
            if (d.known()) {
                out.append(d.id()).append(',').append(metres(d.x())).append(',').append(metres(d.y())).append(',')
                        .append(d.name()).append(',').append(d.status()).append('\n');
            }
        }
        write(file, out);
    }

    static String reported(double value, double detectionLimit) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value < detectionLimit) {
            return "<" + BigDecimal.valueOf(detectionLimit).stripTrailingZeros().toPlainString();
        }
        return new BigDecimal(value).round(REPORTED).stripTrailingZeros().toPlainString();
    }

    private static String metres(double coordinate) {
        return Long.toString(Math.round(coordinate));
    }

    private static void write(Path file, CharSequence text) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.append(text);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
