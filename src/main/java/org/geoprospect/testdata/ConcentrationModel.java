package org.geoprospect.testdata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The concentrations of the model at any point: one independent {@link GaussianField} per element for the
 * background, plus the halos of all deposits (known and hidden), plus multiplicative analytical error when a
 * sample is analysed. Immutable and thread-safe (the random source for the error is the caller's).
 */
final class ConcentrationModel {
    private final List<ElementModel> elements;
    private final List<Deposit> deposits;
    private final GaussianField[] fields;

    /** Splits one random source per element off {@code random}, in element order. */
    ConcentrationModel(List<ElementModel> elements, List<Deposit> deposits, double correlationLength, int modes,
                       SplittableRandom random) {
        this.elements = List.copyOf(elements);
        this.deposits = List.copyOf(deposits);
        fields = new GaussianField[elements.size()];
        for (int e = 0; e < fields.length; e++) {
            fields[e] = new GaussianField(correlationLength, modes, random.split());
        }
    }

    /**
     * maxⱼ wⱼ·exp(−dⱼ²/(2rⱼ²)) over all deposits: the halo shape that each element scales by its amplitude. The
     * strongest halo wins rather than the sum: deposits cluster along structures, and summed halos would stack to
     * anomalies orders of magnitude above those of real surveys over most of the area.
     */
    double haloShape(double x, double y) {
        double max = 0;
        for (Deposit d : deposits) {
            double dx = x - d.x();
            double dy = y - d.y();
            max = Math.max(max, d.strength() * StrictMath.exp(-(dx * dx + dy * dy) / (2 * d.radius() * d.radius())));
        }
        return max;
    }

    /** log10 of the true (error-free) concentration of element {@code e} at (x, y). */
    double log10Value(int e, double x, double y, double haloShape) {
        ElementModel m = elements.get(e);
        return m.mu() + m.sigma() * fields[e].value(x, y) + m.haloAmplitude() * haloShape;
    }

    /**
     * The values a laboratory reports for a sample at (x, y), one per element in its unit: the true value times
     * {@code exp(relativeError·Z)}, Z standard normal and independent per element.
     */
    double[] analyse(double x, double y, double relativeError, SplittableRandom random) {
        double shape = haloShape(x, y);
        double[] values = new double[elements.size()];
        for (int e = 0; e < values.length; e++) {
            values[e] = StrictMath.pow(10, log10Value(e, x, y, shape))
                    * StrictMath.exp(relativeError * RandomDraws.normal(random));
        }
        return values;
    }
}
