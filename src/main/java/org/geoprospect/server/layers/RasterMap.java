package org.geoprospect.server.layers;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.CoordinateTransform;
import org.geoprospect.evaluate.chart.ProbabilityMap;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;

import java.awt.image.BufferedImage;

/**
 * A raster layer drawn as map images: each pixel's centre is carried from the map's CRS into the raster's and
 * takes the colour of the cell it falls in (nearest cell, no smoothing) on the viridis ramp of
 * {@link ProbabilityMap#colour} over the band's {@link ColourRange}; pixels over no data or off the raster are
 * transparent. The ranges are worked out once per band. Thread-safe.
 */
final class RasterMap {
    private final Raster raster;
    private final ColourRange[] ranges;

    RasterMap(Raster raster) {
        this.raster = raster;
        this.ranges = new ColourRange[raster.bands().size()];
    }

    /** The raster's size in memory, for the cache's budget. */
    long bytes() {
        return 4 * raster.grid().cellCount() * raster.bands().size();
    }

    /**
     * @return the ARGB image
     * @throws InvalidInputException (input {@code band}) for a band the raster does not have
     */
    BufferedImage render(MapRequest request) {
        int band = band(request.band());
        ColourRange range = range(band);
        float[] data = raster.bands().get(band).data();
        GridGeometry grid = raster.grid();
        CoordinateTransform toGrid = new CoordinateTransform(request.crs(), grid.crs());
        int w = request.width();
        int h = request.height();
        double[] box = request.bbox();
        double pixelWidth = (box[2] - box[0]) / w;
        double pixelHeight = (box[3] - box[1]) / h;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[w];
        double[] x = new double[w];
        double[] y = new double[w];
        for (int row = 0; row < h; row++) {
            for (int i = 0; i < w; i++) {
                x[i] = box[0] + (i + 0.5) * pixelWidth;
                y[i] = box[3] - (row + 0.5) * pixelHeight;
            }
            toGrid.transform(x, y);
            for (int i = 0; i < w; i++) {
                argb[i] = 0; // transparent
                if (Double.isNaN(x[i])) {
                    continue;
                }
                int column = grid.column(x[i]);
                int gridRow = grid.row(y[i]);
                if (column >= 0 && column < grid.width() && gridRow >= 0 && gridRow < grid.height()) {
                    float v = data[gridRow * grid.width() + column];
                    if (!Float.isNaN(v)) {
                        argb[i] = ProbabilityMap.colour(range.fraction(v)).getRGB();
                    }
                }
            }
            image.setRGB(0, row, w, 1, argb, 0, w);
        }
        return image;
    }

    private int band(String name) {
        if (name == null) {
            return 0;
        }
        int i = raster.bandNames().indexOf(name);
        if (i < 0) {
            throw new InvalidInputException("band", "no band '" + name + "'; the bands are "
                    + String.join(", ", raster.bandNames()));
        }
        return i;
    }

    private synchronized ColourRange range(int band) {
        if (ranges[band] == null) {
            ranges[band] = ColourRange.of(raster.bands().get(band).data());
        }
        return ranges[band];
    }
}
