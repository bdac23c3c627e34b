package org.geoprospect.samples;

import org.geoprospect.crs.Crs;

import java.util.ArrayList;
import java.util.List;

/** Assembles a column-oriented {@link PointTable} from the row lists a reader collects. */
final class Tables {
    private Tables() {
    }

    static PointTable build(String source, Crs crs, List<String> columns, List<double[]> coordinates,
                            List<String[]> rows, List<Long> recordNumbers, String recordKind) {
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        long[] numbers = new long[n];
        List<String[]> values = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            values.add(new String[n]);
        }
        for (int i = 0; i < n; i++) {
            x[i] = coordinates.get(i)[0];
            y[i] = coordinates.get(i)[1];
            numbers[i] = recordNumbers.get(i);
            String[] row = rows.get(i);
            for (int c = 0; c < columns.size(); c++) {
                values.get(c)[i] = row[c];
            }
        }
        return new PointTable(source, crs, x, y, columns, values, recordKind, numbers);
    }
}
