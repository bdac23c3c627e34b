package org.geoprospect.samples;

/**
 * One element's values at the samples.
 *
 * @param element symbol as the user asked for it ({@code Cu}) or the exact column name
 * @param column  the file's column it came from ({@code Cu_ppm_511})
 * @param unit    the unit read from the column name ({@code ppm}, {@code ppb}), or empty when it does not say
 * @param values  one per sample; {@link Double#NaN} where the sample was not analysed for it
 */
public record ElementColumn(String element, String column, String unit, double[] values) {
    /** Number of samples with a value. */
    public int count() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }
}
