package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;

import java.util.Objects;

/**
 * A north-up georeferenced grid: its CRS, the top-left corner of the top-left cell, cell size and dimensions.
 * Cell (column, row) covers x ∈ [minX + column·cellWidth, minX + (column+1)·cellWidth) and
 * y ∈ (maxY − (row+1)·cellHeight, maxY − row·cellHeight]; rows run from north to south (as GeoTIFF and GDAL's
 * geotransform {@code (minX, cellWidth, 0, maxY, 0, −cellHeight)}). Units are those of the CRS.
 */
public record GridGeometry(Crs crs, double minX, double maxY, double cellWidth, double cellHeight,
                           int width, int height) {
    /** Rasters beyond this many cells per band do not fit a Java array. */
    public static final long MAX_CELLS = Integer.MAX_VALUE - 8;

    public GridGeometry {
        Objects.requireNonNull(crs, "crs");
        if (!(cellWidth > 0) || !(cellHeight > 0) || !Double.isFinite(cellWidth) || !Double.isFinite(cellHeight)) {
            throw new InvalidInputException("cellSize", "cell size must be a positive number, got "
                    + cellWidth + " × " + cellHeight);
        }
        if (width < 1 || height < 1) {
            throw new InvalidInputException("size", "grid must have at least one cell, got " + width + " × " + height);
        }
        if ((long) width * height > MAX_CELLS) {
            throw new InvalidInputException("cellSize", "grid of " + width + " × " + height
                    + " cells is too large (at most " + MAX_CELLS + " cells per band); use a larger cell size");
        }
    }

    /**
     * The grid with cells of {@code cellSize} whose top-left corner is (minX, maxY) and that covers the extent
     * (the last column and row may reach past maxX and below minY).
     */
    public static GridGeometry covering(Crs crs, Extent extent, double cellSize) {
        if (!(cellSize > 0) || !Double.isFinite(cellSize)) {
            throw new InvalidInputException("cellSize", "cell size must be a positive number, got " + cellSize);
        }
        long w = Math.max(1, (long) Math.ceil(extent.width() / cellSize - 1e-9));
        long h = Math.max(1, (long) Math.ceil(extent.height() / cellSize - 1e-9));
        if (w * h > MAX_CELLS) {
            throw new InvalidInputException("cellSize", "cell size " + cellSize + " over an extent of "
                    + extent.width() + " × " + extent.height() + " gives " + w + " × " + h
                    + " cells, too many; use a larger cell size");
        }
        return new GridGeometry(crs, extent.minX(), extent.maxY(), cellSize, cellSize, (int) w, (int) h);
    }

    /** The grid of exactly width × height cells over the extent (cells may be non-square). */
    public static GridGeometry ofSize(Crs crs, Extent extent, int width, int height) {
        return new GridGeometry(crs, extent.minX(), extent.maxY(), extent.width() / width, extent.height() / height,
                width, height);
    }

    public long cellCount() {
        return (long) width * height;
    }

    /** X of the centre of a column. */
    public double centreX(int column) {
        return minX + (column + 0.5) * cellWidth;
    }

    /** Y of the centre of a row. */
    public double centreY(int row) {
        return maxY - (row + 0.5) * cellHeight;
    }

    public double maxX() {
        return minX + width * cellWidth;
    }

    public double minY() {
        return maxY - height * cellHeight;
    }

    public Extent extent() {
        return new Extent(minX, minY(), maxX(), maxY);
    }

    /** Column holding x, possibly outside [0, width). */
    public int column(double x) {
        return (int) Math.floor((x - minX) / cellWidth);
    }

    /** Row holding y, possibly outside [0, height). */
    public int row(double y) {
        return (int) Math.floor((maxY - y) / cellHeight);
    }

    /** GDAL's geotransform: (minX, cellWidth, 0, maxY, 0, −cellHeight). */
    public double[] geoTransform() {
        return new double[] {minX, cellWidth, 0, maxY, 0, -cellHeight};
    }
}
