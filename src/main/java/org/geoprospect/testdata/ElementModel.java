package org.geoprospect.testdata;

import java.util.List;

/**
 * How one element behaves in the synthetic survey: {@code log10(value) = μ + σ·G(x, y) + A·maxⱼ wⱼ·exp(−dⱼ²/(2rⱼ²))}
 * before analytical error (see {@link SyntheticSurvey}).
 *
 * @param symbol         chemical symbol, the first word of its column name
 * @param unit           {@code ppm} or {@code ppb} (mass fraction), the second word of its column name
 * @param median         background median in {@code unit}: μ = log10(median)
 * @param sigma          σ, the standard deviation of log10(value) in the background
 * @param haloAmplitude  A, the rise of log10(value) at the centre of a deposit of strength 1; 0: the element does
 *                       not respond to mineralisation
 * @param detectionLimit the laboratory's lower limit in {@code unit}, values below it reported as {@code <limit};
 *                       0: every value is reported
 */
public record ElementModel(String symbol, String unit, double median, double sigma, double haloAmplitude,
                           double detectionLimit) {

    /**
     * The sixteen elements of the Pangxidong survey (Gao et al.) with typical South-China stream-sediment medians;
     * the eight the paper selected (Au, Ag, Cu, Sn, Sb, Hg, Mo, Ba) carry a halo, the others none.
     */
    public static final List<ElementModel> SOUTH_CHINA = List.of(
            new ElementModel("Au", "ppb", 1.5, 0.35, 1.00, 0.3),
            new ElementModel("Ag", "ppm", 0.08, 0.30, 0.90, 0.02),
            new ElementModel("Cu", "ppm", 20, 0.25, 0.75, 0),
            new ElementModel("Pb", "ppm", 35, 0.25, 0, 0),
            new ElementModel("Zn", "ppm", 70, 0.20, 0, 0),
            new ElementModel("Mn", "ppm", 500, 0.30, 0, 0),
            new ElementModel("Sn", "ppm", 5, 0.30, 0.90, 0),
            new ElementModel("W", "ppm", 2.5, 0.30, 0, 0.5),
            new ElementModel("B", "ppm", 40, 0.30, 0, 0),
            new ElementModel("Sb", "ppm", 0.6, 0.30, 0.90, 0),
            new ElementModel("Bi", "ppm", 0.4, 0.30, 0, 0.1),
            new ElementModel("Mo", "ppm", 0.8, 0.25, 0.75, 0),
            new ElementModel("Hg", "ppb", 50, 0.30, 0.90, 10),
            new ElementModel("F", "ppm", 500, 0.20, 0, 0),
            new ElementModel("Ba", "ppm", 400, 0.20, 0.60, 0),
            new ElementModel("As", "ppm", 10, 0.35, 0, 0));

    /** μ = log10(median). */
    public double mu() {
        return StrictMath.log10(median);
    }

    /** The column name in {@code samples.csv}, e.g. {@code Au_ppb}. */
    public String column() {
        return symbol + "_" + unit;
    }

    /** Whether deposits raise this element (it has a halo). */
    public boolean oreRelated() {
        return haloAmplitude > 0;
    }
}
