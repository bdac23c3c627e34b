package org.geoprospect.evaluate;

import org.geoprospect.core.InvalidInputException;
import smile.math.special.Erf;

import java.util.Optional;

/**
 * How far an AUC lies from the 0.5 of an uninformative score, in standard errors: the paper's ZAUC, by which an
 * element is kept when ZAUC exceeds a critical value (2.58 for the 1 % level). The standard error σ is Hanley &amp;
 * McNeil's (1982, eq. 1–3) from the AUC A alone, with n₁ positives and n₂ negatives:
 * <pre>
 *   Q₁ = A/(2 − A),  Q₂ = 2A²/(1 + A)
 *   σ² = [A(1 − A) + (n₁ − 1)(Q₁ − A²) + (n₂ − 1)(Q₂ − A²)] / (n₁·n₂)
 *   ZAUC = (A − 0.5)/σ,  p = 2·(1 − Φ(|ZAUC|))
 * </pre>
 * Both Q − A² terms are ≥ 0 on [0, 1], so σ² is never negative; σ = 0 exactly when A is 0 or 1 (perfect
 * separation), where ZAUC is then −∞ or +∞ and p is 0: the limit, as the evidence is as strong as it gets. ZAUC is
 * never NaN.
 *
 * @param auc       in [0, 1]
 * @param positives n₁ ≥ 1 (in the paper: deposits)
 * @param negatives n₂ ≥ 1 (in the paper: non-deposit locations)
 */
public record AucSignificance(double auc, int positives, int negatives) {
    /** @throws InvalidInputException if the AUC is outside [0, 1] or NaN, or a count is below 1 */
    public AucSignificance {
        if (!(auc >= 0 && auc <= 1)) {
            throw new InvalidInputException("auc", "AUC " + auc + " is not in [0, 1]");
        }
        if (positives < 1 || negatives < 1) {
            throw new InvalidInputException("labels", "an AUC needs at least one positive and one negative, not "
                    + positives + " and " + negatives);
        }
    }

    /** The significance of a ROC's AUC; empty when the ROC is not defined (no positives or no negatives). */
    public static Optional<AucSignificance> of(Roc roc) {
        return roc.isDefined()
                ? Optional.of(new AucSignificance(roc.auc().orElseThrow(), roc.positives(), roc.negatives()))
                : Optional.empty();
    }

    /** Hanley &amp; McNeil's standard error of the AUC. */
    public double sigma() {
        double a = auc;
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        double variance = (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a))
                / ((double) positives * negatives);
        return Math.sqrt(variance);
    }

    /** (AUC − 0.5)/σ; ±infinity when σ is 0 (AUC 0 or 1). */
    public double zauc() {
        double sigma = sigma();
        return sigma == 0 ? Math.copySign(Double.POSITIVE_INFINITY, auc - 0.5) : (auc - 0.5) / sigma;
    }

    /** Two-sided p-value of AUC ≠ 0.5 under the normal approximation, 2·(1 − Φ(|Z|)) = erfc(|Z|/√2). */
    public double pValue() {
        // erfc keeps precision where 1 − Φ would cancel to 0
        return Erf.erfc(Math.abs(zauc()) / Math.sqrt(2));
    }

    /** Whether ZAUC &gt; {@code threshold}: the element's AUC is significantly above 0.5 (one-sided). */
    public boolean selected(double threshold) {
        return zauc() > threshold;
    }
}
