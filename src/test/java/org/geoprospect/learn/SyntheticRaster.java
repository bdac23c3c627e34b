package org.geoprospect.learn;

import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test rasters whose values name their cell: band b at (row, column) holds {@code b·100000 + row·1000 + column}
 * (exact in float32 up to 16 777 216), so a patch value says where it was cut from. 10 m cells, north-up.
 */
final class SyntheticRaster {
    static final double CELL = 10;

    private SyntheticRaster() {
    }

    static GridGeometry grid(int width, int height) {
        return new GridGeometry(Crs.epsg(3067), 0, height * CELL, CELL, CELL, width, height);
    }

    static float valueAt(int band, int row, int column) {
        return band * 100_000f + row * 1000f + column;
    }

    /** Bands named as given, in that order, with {@link #valueAt} values. */
    static Raster raster(GridGeometry grid, String... names) {
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < names.length; b++) {
            float[] data = new float[(int) grid.cellCount()];
            for (int cell = 0; cell < data.length; cell++) {
                data[cell] = valueAt(b, cell / grid.width(), cell % grid.width());
            }
            bands.add(new Band(names[b], Map.of(), data));
        }
        return new Raster(grid, bands, Map.of());
    }

    /** Deposits at the given {row, column} cells, a little off their centres, labelled D0, D1, … */
    static DepositPoints deposits(GridGeometry grid, int[]... cells) {
        double[] x = new double[cells.length];
        double[] y = new double[cells.length];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            x[i] = grid.minX() + CELL * cells[i][1] + 3;
            y[i] = grid.maxY() - CELL * cells[i][0] - 7;
            labels.add("D" + i);
        }
        return new DepositPoints(x, y, labels);
    }
}
