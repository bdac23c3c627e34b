package org.geoprospect.learn;

import org.geoprospect.evaluate.Roc;

import java.util.List;
import java.util.Locale;

/**
 * The best single element as a classifier: the element whose window mean ranks the training windows best, in
 * either direction, with Platt scaling ({@link Calibration}) of sign · mean, so that its output is a probability
 * and not only a ranking: p = σ(slope · sign · mean + intercept).
 *
 * @param channel   the element's channel
 * @param sign      +1: higher is ore-like; −1: lower is
 * @param slope     Platt's a, positive, so that the chosen direction is kept
 * @param intercept Platt's b
 */
public record ElementClassifier(int channel, int sign, double slope, double intercept) implements WindowClassifier {
    public ElementClassifier {
        if (channel < 0 || Math.abs(sign) != 1 || !(slope > 0) || !Double.isFinite(slope)
                || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("channel " + channel + ", sign " + sign + ", slope " + slope
                    + ", intercept " + intercept + ": need channel ≥ 0, sign ±1, finite slope > 0 and intercept");
        }
    }

    /** Chooses the element on these windows (the higher of AUC and 1 − AUC) and calibrates it on them. */
    static ElementClassifier fit(double[][] means, boolean[] ore) {
        int best = 0;
        int bestSign = 1;
        double bestAuc = -1;
        for (int c = 0; c < means[0].length; c++) {
            double auc = Roc.of(column(means, c, 1), ore).auc().orElse(Double.NaN);
            double signed = Math.max(auc, 1 - auc);
            if (signed > bestAuc) {
                bestAuc = signed;
                best = c;
                bestSign = auc >= 0.5 ? 1 : -1;
            }
        }
        Calibration platt = Calibration.fit(column(means, best, bestSign), ore);
        return new ElementClassifier(best, bestSign, platt.slope(), platt.intercept());
    }

    @Override
    public double probability(double[] means) {
        return 1 / (1 + Math.exp(-margin(means)));
    }

    @Override
    public double margin(double[] means) {
        return slope * sign * means[channel] + intercept;
    }

    @Override
    public String kind() {
        return "element";
    }

    @Override
    public String describe(List<String> elements) {
        return String.format(Locale.ROOT, "%s, %s is ore-like, p = σ(%.4g·x %+.4g), x its window mean",
                elements.get(channel), sign > 0 ? "higher" : "lower", sign * slope, intercept);
    }

    private static double[] column(double[][] means, int c, int sign) {
        double[] v = new double[means.length];
        for (int i = 0; i < means.length; i++) {
            v[i] = sign * means[i][c];
        }
        return v;
    }
}
