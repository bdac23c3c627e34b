package org.geoprospect.interpolate;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.grid.Normalization;

import java.util.Locale;

/**
 * Per-band normalisation of interpolated grids, as the paper prepares its network inputs: optionally log10 first,
 * then z-score (eq. 2: (v − mean) / σ, σ the population standard deviation over the cells with data) or
 * min-max to [0, 1]. The statistics are returned as a {@link Normalization} so that the same transform can be
 * applied to new data. NaN (no data) stays NaN. A log of a value ≤ 0 becomes no data, with a warning; a constant
 * band normalises to 0, with a warning.
 */
public final class Normalizer {
    private final String method;
    private final boolean log10;

    /**
     * @param method {@code zscore}, {@code minmax} or {@code none}
     * @param log10  take log10 before the statistics
     */
    public Normalizer(String method, boolean log10) {
        this.method = method.toLowerCase(Locale.ROOT);
        if (!this.method.equals("zscore") && !this.method.equals("minmax") && !this.method.equals("none")) {
            throw new InvalidInputException("normalize", "normalisation '" + method
                    + "' is not one of zscore, minmax, none");
        }
        this.log10 = log10;
    }

    /** Normalises {@code data} in place and returns what was done. */
    public Normalization apply(String band, float[] data, Warnings warnings) {
        if (log10) {
            int lost = 0;
            for (int i = 0; i < data.length; i++) {
                float v = data[i];
                if (v > 0) {
                    data[i] = (float) Math.log10(v);
                } else if (!Float.isNaN(v)) {
                    data[i] = Float.NaN;
                    lost++;
                }
            }
            if (lost > 0) {
                warnings.add(band + ": " + lost + " cell(s) ≤ 0 have no log10 and were set to no data");
            }
        }
        double sum = 0;
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : data) {
            if (!Float.isNaN(v)) {
                sum += v;
                n++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double ss = 0;
        for (float v : data) {
            if (!Float.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double std = n == 0 ? Double.NaN : Math.sqrt(ss / n);
        Normalization stats = new Normalization(method, log10, mean, std, min, max);
        double offset;
        double scale;
        switch (method) {
            case "zscore" -> {
                offset = mean;
                scale = std;
            }
            case "minmax" -> {
                offset = min;
                scale = max - min;
            }
            default -> {
                return stats;
            }
        }
        if (n > 0 && !(scale > 0)) {
            warnings.add(band + ": constant over the grid; normalised to 0");
            scale = Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < data.length; i++) {
            if (!Float.isNaN(data[i])) {
                data[i] = (float) ((data[i] - offset) / scale);
            }
        }
        return stats;
    }
}
