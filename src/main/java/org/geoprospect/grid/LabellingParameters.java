package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;

import java.util.OptionalInt;

/**
 * How deposits become labelled cells. Distances are in cells, between cell centres: cells (c, r) and (c', r')
 * are √((c − c')² + (r − r')²) cells apart, whatever the cell size in CRS units (a Euclidean disc stamped on the
 * grid, not a dilation by a square). Built with {@link #builder()}; {@link Builder#build()} checks the values and
 * says what to change.
 *
 * @param positiveBuffer  r ≥ 0: every valid cell within r cells of a usable deposit's cell is positive; 0 (the
 *                        default) keeps only the deposit's own cell
 * @param exclusionBuffer b ≥ r: negatives only from valid cells farther than b cells from every deposit's cell
 *                        (default r: anywhere outside the positive buffers)
 * @param negatives       how many negative cells to sample; empty (the default) = as many as there are positive
 *                        cells, the balanced design of the paper
 * @param seed            seed of the negative sampling (default 0); the same seed gives the same negatives
 */
public record LabellingParameters(double positiveBuffer, double exclusionBuffer, OptionalInt negatives, long seed) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults above. */
    public static final class Builder {
        private double positiveBuffer = 0;
        private Double exclusionBuffer;
        private OptionalInt negatives = OptionalInt.empty();
        private long seed = 0;

        public Builder optPositiveBuffer(double cells) {
            this.positiveBuffer = cells;
            return this;
        }

        public Builder optExclusionBuffer(double cells) {
            this.exclusionBuffer = cells;
            return this;
        }

        public Builder optNegatives(int count) {
            this.negatives = OptionalInt.of(count);
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public LabellingParameters build() {
            if (!(positiveBuffer >= 0) || !Double.isFinite(positiveBuffer)) {
                throw new InvalidInputException("positiveBuffer", "positive buffer must be a number of cells ≥ 0, got "
                        + positiveBuffer);
            }
            double b = exclusionBuffer == null ? positiveBuffer : exclusionBuffer;
            if (!Double.isFinite(b)) {
                throw new InvalidInputException("exclusionBuffer", "exclusion buffer must be a finite number of cells, got "
                        + b);
            }
            if (!(b >= positiveBuffer)) {
                throw new InvalidInputException("exclusionBuffer", "exclusion buffer (" + b
                        + " cells) must be at least the positive buffer (" + positiveBuffer
                        + " cells), or a cell could be both ore and no-ore; raise the exclusion buffer");
            }
            if (negatives.isPresent() && negatives.getAsInt() < 1) {
                throw new InvalidInputException("negatives", "number of negatives must be at least 1, got "
                        + negatives.getAsInt());
            }
            return new LabellingParameters(positiveBuffer, b, negatives, seed);
        }
    }
}
