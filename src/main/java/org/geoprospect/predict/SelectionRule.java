package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Which cells are favourable: those with an ore probability at or above a threshold, or the most probable share
 * of the study area (the cells with a probability). For a share, the cut-off is the probability of the cell at
 * that rank, and cells tied with it are all taken — a tile's cells share one probability, so whole tiles are
 * taken — so the share taken may exceed the one asked for; {@link Selection#areaShare()} says what it is.
 *
 * @param threshold the probability cut-off, or NaN when a share is asked for
 * @param topArea   the share of the area, or NaN when a threshold is given
 */
public record SelectionRule(double threshold, double topArea) {
    public SelectionRule {
        if (Double.isNaN(threshold) == Double.isNaN(topArea)) {
            throw new IllegalArgumentException("give a threshold or an area share, not both or neither");
        }
        if (!Double.isNaN(threshold) && !(threshold >= 0 && threshold <= 1)) {
            throw new InvalidInputException("threshold", "threshold " + threshold + " is not a probability in [0, 1]");
        }
        if (!Double.isNaN(topArea) && !(topArea > 0 && topArea <= 1)) {
            throw new InvalidInputException("topArea", "top area " + topArea + " is not a share in (0, 1]");
        }
    }

    /** Cells with a probability ≥ {@code p}. */
    public static SelectionRule threshold(double p) {
        return new SelectionRule(p, Double.NaN);
    }

    /** The most probable {@code share} of the study area. */
    public static SelectionRule topArea(double share) {
        return new SelectionRule(Double.NaN, share);
    }

    /**
     * @param cells      the favourable cells
     * @param cutoff     the probability from which a cell is favourable
     * @param areaShare  the favourable share of the study area
     * @param studyCells cells with a probability
     */
    public record Selection(BitSet cells, double cutoff, double areaShare, int studyCells) {
    }

    /** @param probability per cell; NaN outside the study area */
    public Selection apply(float[] probability) {
        float[] known = new float[probability.length];
        int n = 0;
        for (float p : probability) {
            if (!Float.isNaN(p)) {
                known[n++] = p;
            }
        }
        double cutoff = threshold;
        if (Double.isNaN(threshold)) {
            if (n == 0) {
                cutoff = Double.POSITIVE_INFINITY;
            } else {
                float[] sorted = Arrays.copyOf(known, n);
                Arrays.sort(sorted);
                int take = (int) Math.max(1, Math.ceil(topArea * n - 1e-9)); // 1e-9: 0.1 × 1000 must take 100
                cutoff = sorted[n - take];
            }
        }
        BitSet cells = new BitSet(probability.length);
        for (int i = 0; i < probability.length; i++) {
            if (probability[i] >= cutoff) { // false for NaN
                cells.set(i);
            }
        }
        return new Selection(cells, cutoff, n == 0 ? 0 : (double) cells.cardinality() / n, n);
    }

    @Override
    public String toString() {
        return Double.isNaN(threshold) ? "the most probable " + topArea * 100 + " % of the area"
                : "probability ≥ " + threshold;
    }
}
