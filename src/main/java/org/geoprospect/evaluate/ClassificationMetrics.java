package org.geoprospect.evaluate;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The usual scores of a binary classification, with "ore" as the positive class:
 * accuracy (tp + tn)/n, precision tp/(tp + fp), recall tp/(tp + fn), specificity tn/(tn + fp),
 * F1 of "ore" 2tp/(2tp + fp + fn), F1 of "no ore" 2tn/(2tn + fn + fp) (the same with the classes swapped), and
 * macro F1, their unweighted mean.
 * <p>
 * A ratio whose denominator is 0 (no predicted ore for precision, no actual ore for recall, …) is reported as 0,
 * as scikit-learn's {@code zero_division=0}, and its name is listed in {@link #zeroDivision()} so that a reader can
 * tell "0 because undefined" from a measured 0. F1 is written in counts, so it is only undefined when its class is
 * absent from both truth and prediction (scikit-learn ≥ 1.3 does the same); macro F1 is the mean of the two as
 * reported. All values are in [0, 1], never NaN.
 *
 * @param zeroDivision the names of the components above that were set to 0 for want of a denominator, in the
 *                     order of the components
 */
public record ClassificationMetrics(ConfusionMatrix matrix, double accuracy, double precision, double recall,
                                    double specificity, double f1Ore, double f1NoOre, double macroF1,
                                    Set<String> zeroDivision) {
    public ClassificationMetrics {
        zeroDivision = Collections.unmodifiableSet(new LinkedHashSet<>(zeroDivision));
    }

    public static ClassificationMetrics of(ConfusionMatrix m) {
        Set<String> undefined = new LinkedHashSet<>();
        double accuracy = ratio("accuracy", m.tp() + m.tn(), m.total(), undefined);
        double precision = ratio("precision", m.tp(), m.tp() + m.fp(), undefined);
        double recall = ratio("recall", m.tp(), m.tp() + m.fn(), undefined);
        double specificity = ratio("specificity", m.tn(), m.tn() + m.fp(), undefined);
        double f1Ore = ratio("f1Ore", 2.0 * m.tp(), 2.0 * m.tp() + m.fp() + m.fn(), undefined);
        double f1NoOre = ratio("f1NoOre", 2.0 * m.tn(), 2.0 * m.tn() + m.fn() + m.fp(), undefined);
        return new ClassificationMetrics(m, accuracy, precision, recall, specificity, f1Ore, f1NoOre,
                (f1Ore + f1NoOre) / 2, undefined);
    }

    private static double ratio(String name, double numerator, double denominator, Set<String> undefined) {
        if (denominator == 0) {
            undefined.add(name);
            return 0;
        }
        return numerator / denominator;
    }
}
