package org.geoprospect.server.layers;

import java.util.Arrays;

/**
 * The values a band's viridis ramp spans: [0, 1] for a band whose values all lie there (probabilities, normalised
 * grids), so that maps of different layers compare; otherwise the band's 2nd to 98th percentile (linear between
 * ranks, as numpy's default), so that a few extreme values do not wash out the rest.
 *
 * @param low  the value drawn at the ramp's start (dark purple)
 * @param high the value drawn at its end (yellow)
 */
record ColourRange(double low, double high) {
    static final ColourRange UNIT = new ColourRange(0, 1);

    /** The range of a band's values; NaN (no data) is left out. */
    static ColourRange of(float[] data) {
        float[] values = new float[data.length];
        int n = 0;
        for (float v : data) {
            if (Float.isFinite(v)) {
                values[n++] = v;
            }
        }
        values = Arrays.copyOf(values, n);
        Arrays.sort(values);
        if (n == 0 || (values[0] >= 0 && values[n - 1] <= 1)) {
            return UNIT;
        }
        return new ColourRange(percentile(values, 2), percentile(values, 98));
    }

    private static double percentile(float[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * ((double) sorted[above] - sorted[below]);
    }

    /** @return where a value lies on the ramp, 0 to 1 (a constant band lies in the middle) */
    double fraction(double value) {
        if (!(high > low)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (value - low) / (high - low)));
    }
}
