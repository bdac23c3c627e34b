package org.geoprospect.interpolate;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.grid.GridGeometry;

import java.util.Locale;

/**
 * What interpolating onto a grid holds in the Java heap at once — every band as float32 until the GeoTIFF is
 * written, and the hull mask's byte per cell — checked before any of it is allocated, so that a grid too large
 * for the heap is refused with the numbers instead of failing with an out-of-memory error minutes later.
 */
public final class InterpolationMemory {
    private InterpolationMemory() {
    }

    /** @throws InvalidInputException on {@code cellSize} when the grid does not fit the heap still available */
    public static void check(GridGeometry grid, int bands, boolean masked) {
        Runtime rt = Runtime.getRuntime();
        check(grid, bands, masked, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    }

    static void check(GridGeometry grid, int bands, boolean masked, long availableBytes) {
        long cells = grid.cellCount();
        long needed = cells * ((long) bands * Float.BYTES + (masked ? 1 : 0));
        if (needed > availableBytes) {
            throw new InvalidInputException("cellSize", String.format(Locale.ROOT, "cellSize %s gives %d × %d = %d "
                    + "cells; %d band(s) of float32%s need %d bytes (%s), but the Java heap has %d bytes (%s) "
                    + "available; use a larger cellSize, fewer elements or a smaller extent, or give Java more "
                    + "memory (java -Xmx…)", cellSize(grid), grid.width(), grid.height(), cells, bands,
                    masked ? " and the mask" : "", needed, gib(needed), availableBytes, gib(availableBytes)));
        }
    }

    private static String cellSize(GridGeometry grid) {
        return grid.cellWidth() == grid.cellHeight() ? Double.toString(grid.cellWidth())
                : grid.cellWidth() + " × " + grid.cellHeight();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
