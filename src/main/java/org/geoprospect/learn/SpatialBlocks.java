package org.geoprospect.learn;

/**
 * The grid cut into square blocks of {@code blockSize × blockSize} cells for spatial cross-validation, numbered
 * row-major from the north-west block: block (blockRow, blockColumn) has id {@code blockRow · across + blockColumn}.
 * The last row and column of blocks may be cut short by the grid's edge.
 *
 * @param blockSize cells per block side
 * @param across    blocks per row, ⌈width / blockSize⌉
 * @param down      blocks per column, ⌈height / blockSize⌉
 */
public record SpatialBlocks(int blockSize, int across, int down) {
    /** The blocks that cover a grid of width × height cells. */
    public static SpatialBlocks covering(int width, int height, int blockSize) {
        return new SpatialBlocks(blockSize, (width + blockSize - 1) / blockSize, (height + blockSize - 1) / blockSize);
    }

    /** The id of the block holding grid cell (row, column). */
    public int block(int row, int column) {
        return (row / blockSize) * across + column / blockSize;
    }

    public int blockRow(int block) {
        return block / across;
    }

    public int blockColumn(int block) {
        return block % across;
    }

    public int count() {
        return across * down;
    }
}
