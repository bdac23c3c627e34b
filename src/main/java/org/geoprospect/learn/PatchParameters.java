package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.grid.LabellingParameters;

import java.util.OptionalInt;

/**
 * How {@link PatchSampler} cuts patches. Sizes and distances are in cells; distances are between cell centres, as
 * in {@link org.geoprospect.grid.LabellingParameters}. Built with {@link #builder()}; {@link Builder#build()}
 * checks the values and says what to change. The paper (Gao et al.) used 256-cell patches cropped to 224; the
 * defaults (64 → 56) are the same shape at a size a CPU trains in minutes.
 *
 * @param size                cells per patch side (default 64; paper 256)
 * @param cropSize            cells per side of the crops the {@link Augmenter} takes (default size − size/8: 56, or
 *                            224 for 256); more than half of size so that a deposit can stay inside every crop
 * @param positivesPerDeposit ore patches per deposit, windows slid around the deposit at random (default 8; the
 *                            paper made 212 from 29 ore areas)
 * @param negatives           how many no-ore patches; empty (the default) = as many as ore patches were found
 * @param buffer              a no-ore patch holds no cell within this many cells of any deposit (default size/4)
 * @param maxNoData           share of a patch's cells without data above which the window is not used, in [0, 1)
 *                            (default 0.25)
 * @param blockSize           side of the spatial blocks that patches are grouped and folded by (default 4 × size)
 * @param seed                seed of the window draws (default 0); the same inputs and seed give the same patches
 */
public record PatchParameters(int size, int cropSize, int positivesPerDeposit, OptionalInt negatives, double buffer,
                              double maxNoData, int blockSize, long seed) {

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fewest cells between a deposit and its ore patch's edge: size − cropSize. A crop keeps rows [o, o + cropSize)
     * for some offset o ∈ [0, size − cropSize], so only rows (and columns) in [size − cropSize, cropSize) are in
     * every crop; half of it would keep the deposit in the centre crop only.
     */
    public int margin() {
        return size - cropSize;
    }

    /** Builder with the defaults above. */
    public static final class Builder {
        private int size = 64;
        private Integer cropSize;
        private int positivesPerDeposit = 8;
        private OptionalInt negatives = OptionalInt.empty();
        private Double buffer;
        private double maxNoData = 0.25;
        private Integer blockSize;
        private long seed = 0;

        public Builder optSize(int cells) {
            this.size = cells;
            return this;
        }

        public Builder optCropSize(int cells) {
            this.cropSize = cells;
            return this;
        }

        public Builder optPositivesPerDeposit(int count) {
            this.positivesPerDeposit = count;
            return this;
        }

        public Builder optNegatives(int count) {
            this.negatives = OptionalInt.of(count);
            return this;
        }

        public Builder optBuffer(double cells) {
            this.buffer = cells;
            return this;
        }

        public Builder optMaxNoData(double share) {
            this.maxNoData = share;
            return this;
        }

        public Builder optBlockSize(int cells) {
            this.blockSize = cells;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public PatchParameters build() {
            if (size < 1) {
                throw new InvalidInputException("size", "patch size must be at least 1 cell, got " + size);
            }
            int crop = cropSize == null ? size - size / 8 : cropSize;
            if (crop > size || 2 * crop <= size) {
                throw new InvalidInputException("cropSize", "crop size must be more than half the patch size and at "
                        + "most the patch size (" + size + "), got " + crop + "; a smaller crop cannot keep a "
                        + "deposit inside every crop");
            }
            if (positivesPerDeposit < 1) {
                throw new InvalidInputException("positivesPerDeposit", "ore patches per deposit must be at least 1, "
                        + "got " + positivesPerDeposit);
            }
            if (negatives.isPresent() && negatives.getAsInt() < 1) {
                throw new InvalidInputException("negatives", "number of no-ore patches must be at least 1, got "
                        + negatives.getAsInt());
            }
            double b = buffer == null ? size / 4 : buffer;
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw new InvalidInputException("buffer", "buffer must be a number of cells ≥ 0, got " + b);
            }
            if (!(maxNoData >= 0 && maxNoData < 1)) {
                throw new InvalidInputException("maxNoData", "share of cells without data must be in [0, 1), got "
                        + maxNoData);
            }
            int blocks = blockSize == null ? 4 * size : blockSize;
            if (blocks < 1) {
                throw new InvalidInputException("blockSize", "block size must be at least 1 cell, got " + blocks);
            }
            return new PatchParameters(size, crop, positivesPerDeposit, negatives, b, maxNoData, blocks, seed);
        }
    }
}
