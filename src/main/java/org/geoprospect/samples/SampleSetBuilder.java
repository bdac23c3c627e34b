package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link PointTable} into a {@link SampleSet} of the requested elements: matches each element to its column
 * ({@link ElementMatcher}), reads the values by a {@link ValuePolicy}, and merges samples at the same location
 * (the mean of the values present, per element). What it did is reported as warnings: values below detection,
 * merged duplicates, and per element how many samples have a value.
 */
public final class SampleSetBuilder {
    private final ValuePolicy policy;

    public SampleSetBuilder(ValuePolicy policy) {
        this.policy = policy;
    }

    /**
     * @throws InvalidInputException for no elements, an unknown or ambiguous element, a value that is not a number
     *                               (naming file, line and column) or an element with no value at all
     */
    public SampleSet build(PointTable table, List<String> elements, Warnings warnings) {
        if (elements.isEmpty()) {
            throw new InvalidInputException("elements", "no elements given");
        }
        List<ElementColumn> columns = new ArrayList<>();
        for (String element : elements) {
            ElementMatcher.Match match = ElementMatcher.match(element, table.columns(), table.source());
            columns.add(read(table, element, match, warnings));
        }
        return mergeDuplicates(new SampleSet(table.source(), table.crs(), table.x(), table.y(), columns), warnings);
    }

    private ElementColumn read(PointTable table, String element, ElementMatcher.Match match, Warnings warnings) {
        String column = table.columns().get(match.column());
        String[] text = table.values().get(match.column());
        int flagIndex = ElementMatcher.flagColumn(column, table.columns());
        String[] flags = flagIndex < 0 ? null : table.values().get(flagIndex);
        double[] values = new double[text.length];
        int below = 0;
        int unknownLimit = 0;
        int present = 0;
        for (int i = 0; i < text.length; i++) {
            ValuePolicy.Parsed p = policy.parse(text[i], flags == null ? null : flags[i]);
            if (p.kind() == ValuePolicy.Kind.NOT_A_NUMBER) {
                throw new InvalidInputException("samples", table.where(i) + ", column " + column + ": value '"
                        + text[i] + "' is not a number (use an empty cell or NA for a missing value)");
            }
            if (p.kind() == ValuePolicy.Kind.BELOW_DETECTION) {
                below++;
            } else if (p.kind() == ValuePolicy.Kind.BELOW_UNKNOWN_LIMIT) {
                unknownLimit++;
            }
            values[i] = p.value();
            if (!Double.isNaN(p.value())) {
                present++;
            }
        }
        if (present == 0) {
            throw new InvalidInputException("elements", table.source() + ": element " + element + " (column "
                    + column + ") has no value in any of its " + text.length + " samples");
        }
        if (below > 0) {
            warnings.add(element + ": " + below + " value(s) below the detection limit replaced by "
                    + (Double.isNaN(policy.belowDetectionFactor()) ? "missing"
                    : policy.belowDetectionFactor() + " × the limit")
                    + (flags == null ? "" : " (flag column " + table.columns().get(flagIndex) + ")"));
        }
        if (unknownLimit > 0) {
            warnings.add(element + ": " + unknownLimit + " value(s) flagged below a detection limit of 0, which "
                    + "gives nothing to substitute; they are treated as not analysed");
        }
        if (present < text.length) {
            warnings.add(element + ": " + present + " of " + text.length + " samples have a value; the others "
                    + "were not analysed for it and are left out of its grid");
        }
        return new ElementColumn(element, column, match.unit(), values);
    }

    /** A point as a map key; {@code + 0.0} makes -0.0 and 0.0 the same place. */
    private record Location(double x, double y) {
        Location {
            x += 0.0;
            y += 0.0;
        }
    }

    private static SampleSet mergeDuplicates(SampleSet samples, Warnings warnings) {
        Map<Location, Integer> first = new HashMap<>();
        int n = samples.size();
        int[] target = new int[n];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer j = first.putIfAbsent(new Location(samples.x()[i], samples.y()[i]), i);
            if (j != null) {
                target[i] = target[j];
            } else {
                target[i] = kept.size();
                kept.add(i);
            }
        }
        if (kept.size() == n) {
            return samples;
        }
        int m = kept.size();
        double[] x = new double[m];
        double[] y = new double[m];
        for (int k = 0; k < m; k++) {
            x[k] = samples.x()[kept.get(k)];
            y[k] = samples.y()[kept.get(k)];
        }
        List<ElementColumn> merged = new ArrayList<>();
        for (ElementColumn e : samples.elements()) {
            double[] sum = new double[m];
            int[] count = new int[m];
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(e.values()[i])) {
                    sum[target[i]] += e.values()[i];
                    count[target[i]]++;
                }
            }
            for (int k = 0; k < m; k++) {
                sum[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
            }
            merged.add(new ElementColumn(e.element(), e.column(), e.unit(), sum));
        }
        warnings.add(samples.source() + ": " + (n - m) + " sample(s) at an already-used location were merged "
                + "(values averaged per element)");
        return new SampleSet(samples.source(), samples.crs(), x, y, merged);
    }
}
