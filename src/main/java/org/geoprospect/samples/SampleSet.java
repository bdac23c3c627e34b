package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.crs.Crs;

import java.util.ArrayList;
import java.util.List;

/**
 * Geochemical samples: point locations in {@link #crs()} and, per chosen element, a value at each point
 * ({@code NaN} = not analysed). Locations are distinct (duplicates were merged when it was built).
 * Arrays are shared, not copied: treat as immutable.
 */
public record SampleSet(String source, Crs crs, double[] x, double[] y, List<ElementColumn> elements) {
    public SampleSet {
        elements = List.copyOf(elements);
    }

    public int size() {
        return x.length;
    }

    /**
     * The same samples in another CRS. Points that cannot be transformed are dropped and counted in a warning.
     */
    public SampleSet transformTo(Crs target, Warnings warnings) {
        CoordinateTransform transform = new CoordinateTransform(crs, target);
        if (transform.isIdentity()) {
            return this;
        }
        double[] tx = x.clone();
        double[] ty = y.clone();
        transform.transform(tx, ty);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < tx.length; i++) {
            if (Double.isFinite(tx[i]) && Double.isFinite(ty[i])) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            throw new InvalidInputException("crs", source + ": no sample could be transformed from " + crs.id()
                    + " to " + target.id() + "; is the CRS of the samples right?");
        }
        if (keep.size() < tx.length) {
            warnings.add(source + ": " + (tx.length - keep.size()) + " sample(s) could not be transformed from "
                    + crs.id() + " to " + target.id() + " and were left out");
        }
        return subset(keep, tx, ty, target);
    }

    private SampleSet subset(List<Integer> keep, double[] tx, double[] ty, Crs target) {
        int n = keep.size();
        double[] nx = new double[n];
        double[] ny = new double[n];
        List<ElementColumn> columns = new ArrayList<>();
        for (ElementColumn e : elements) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = e.values()[keep.get(i)];
            }
            columns.add(new ElementColumn(e.element(), e.column(), e.unit(), v));
        }
        for (int i = 0; i < n; i++) {
            nx[i] = tx[keep.get(i)];
            ny[i] = ty[keep.get(i)];
        }
        return new SampleSet(source, target, nx, ny, columns);
    }
}
