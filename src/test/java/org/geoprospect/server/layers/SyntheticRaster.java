package org.geoprospect.server.layers;

import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.GeoTiffWriter;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A 4 × 3 raster of 1 km cells in UTM zone 50N (EPSG:32650) whose values are known by heart: cell (column c, row r,
 * north row first) holds {@code prob} = (4r + c) / 11 and {@code Cu} = 10·(4r + c + 1); the last cell (3, 2) is no
 * data in both bands. The Cu values 10 … 110 have the 2nd percentile 12 and the 98th 108 (linear between ranks).
 */
public final class SyntheticRaster {
    public static final double MIN_X = 480_000;
    public static final double MAX_Y = 3_503_000;
    public static final double CELL = 1000;
    public static final int COLUMNS = 4;
    public static final int ROWS = 3;

    private SyntheticRaster() {
    }

    /** Writes the raster as a GeoTIFF; returns the file. */
    public static Path write(Path file) {
        float[] prob = new float[COLUMNS * ROWS];
        float[] cu = new float[COLUMNS * ROWS];
        for (int i = 0; i < prob.length; i++) {
            prob[i] = i / 11f;
            cu[i] = 10f * (i + 1);
        }
        prob[prob.length - 1] = Float.NaN;
        cu[cu.length - 1] = Float.NaN;
        GridGeometry grid = new GridGeometry(Crs.epsg(32650), MIN_X, MAX_Y, CELL, CELL, COLUMNS, ROWS);
        new GeoTiffWriter().write(new Raster(grid, List.of(new Band("prob", Map.of(), prob),
                new Band("Cu", Map.of(), cu)), Map.of()), file);
        return file;
    }

    /** @return the centre of cell (column, row) in EPSG:32650 */
    public static double[] centre(int column, int row) {
        return new double[] {MIN_X + (column + 0.5) * CELL, MAX_Y - (row + 0.5) * CELL};
    }
}
