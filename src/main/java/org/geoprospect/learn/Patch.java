package org.geoprospect.learn;

import org.geoprospect.grid.DepositPoints;

/**
 * One training example of step 3: a square window of {@code size × size} grid cells over the chosen element bands,
 * with its label. Values are channel-major, then rows north-first, then columns (the CHW layout of one sample of a
 * CNN's NCHW tensor), so value (channel c, row r, column q) is at {@code (c·size + r)·size + q}. Cells without data
 * are already filled (see {@link PatchSampler}). The array is not copied.
 *
 * @param values   channels × size × size values, no NaN
 * @param channels how many element bands, in the order asked for
 * @param size     cells per side
 * @param ore      true: an "ore" patch around a deposit; false: a "no ore" patch away from every deposit
 * @param row      grid row of the patch's top-left cell
 * @param column   grid column of the patch's top-left cell
 * @param group    the patches that belong together: for ore patches the deposit's index in the
 *                 {@link org.geoprospect.grid.DepositPoints}, for no-ore patches the id of the block of its centre
 * @param block    the {@link SpatialBlocks} block that decides the patch's fold: for ore patches the block of the
 *                 deposit's cell (so that all patches of one deposit share it), for no-ore patches the block of the
 *                 patch's centre cell
 */
public record Patch(float[] values, int channels, int size, boolean ore, int row, int column, int group, int block) {
    public Patch {
        if (channels < 1 || size < 1 || values.length != channels * size * size) {
            throw new IllegalArgumentException(values.length + " values for " + channels + " channels of "
                    + size + " × " + size + " cells");
        }
    }

    /** The value of a channel at (row, column) within the patch, 0-based from its top-left cell. */
    public float value(int channel, int patchRow, int patchColumn) {
        return values[(channel * size + patchRow) * size + patchColumn];
    }

    /** Whether the grid cell (row, column) lies inside this patch. */
    public boolean contains(int gridRow, int gridColumn) {
        return gridRow >= row && gridRow < row + size && gridColumn >= column && gridColumn < column + size;
    }

    /** Whether this patch and another share at least one grid cell. */
    public boolean overlaps(Patch other) {
        return row < other.row + other.size && other.row < row + size
                && column < other.column + other.size && other.column < column + size;
    }
}
