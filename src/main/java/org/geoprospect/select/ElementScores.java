package org.geoprospect.select;

/**
 * The outcome of scoring one element: decision values at the labelled locations, or the reason there are none.
 * An element whose scores are undefined cannot separate ore from no-ore at all; it is reported, not an error.
 */
public sealed interface ElementScores permits ElementScores.Scored, ElementScores.Undefined {

    /**
     * SVM decision values, larger = more ore-like, in the order the values were given. Arrays are not copied.
     *
     * @param positives one per positive (ore) location
     * @param negatives one per negative (no-ore) location
     */
    record Scored(double[] positives, double[] negatives) implements ElementScores {
    }

    /** @param reason why the element has no scores, e.g. {@code constant band} */
    record Undefined(String reason) implements ElementScores {
    }
}
