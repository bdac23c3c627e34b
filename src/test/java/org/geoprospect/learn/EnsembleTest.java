package org.geoprospect.learn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnsembleTest {
    /**
     * A confident baseline gives probabilities within a billionth of 0 or 1; their margins must still rank the
     * windows as the probabilities do, or the stored baseline's AUC would fall below the baseline table's.
     */
    @Test
    void aBaselineMembersMarginKeepsItsClassifiersRanking() {
        ElementClassifier steep = new ElementClassifier(0, 1, 10, 0); // p = σ(10 x)
        double previous = Double.NEGATIVE_INFINITY;
        for (double x : new double[] {-3.3, -3.2, -2.2, -2.0, 0, 2.0, 2.2, 3.2, 3.3}) {
            double margin = Ensemble.BaselineMember.margin(steep, new double[] {x});
            assertTrue(margin > previous, "x " + x + ": margin " + margin + " after " + previous);
            assertEquals(10 * x, margin, 0.05, "the logit of σ(10 x), to the precision of a double near 1");
            previous = margin;
        }
        assertTrue(Double.isFinite(Ensemble.BaselineMember.margin(steep, new double[] {100})),
                "a probability of exactly 1 keeps a finite margin");
    }
}
