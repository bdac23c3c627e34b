package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.Raster;

import java.util.BitSet;
import java.util.List;

/**
 * The chosen element bands of a raster, in order, and what patches are cut from them: which cells lack data in
 * some band, and each band's mean over its cells with data, the value that fills them (0 after the z-score of the
 * interpolate step). Immutable.
 */
public final class PatchSource {
    private final int width;
    private final float[][] bands;
    private final float[] means;
    private final BitSet noData;

    private PatchSource(int width, float[][] bands, float[] means, BitSet noData) {
        this.width = width;
        this.bands = bands;
        this.means = means;
        this.noData = noData;
    }

    /**
     * @throws InvalidInputException ({@code elements}) when no element is given, an element is not a band of the
     *                               raster (the message lists the bands) or a band has no data anywhere
     */
    public static PatchSource of(Raster raster, List<String> elements) {
        if (elements.isEmpty()) {
            throw new InvalidInputException("elements", "no elements chosen; choose some of the raster's bands: "
                    + String.join(", ", raster.bandNames()));
        }
        float[][] bands = new float[elements.size()][];
        float[] means = new float[elements.size()];
        BitSet noData = new BitSet();
        for (int b = 0; b < bands.length; b++) {
            Band band = raster.band(elements.get(b));
            if (band == null) {
                throw new InvalidInputException("elements", "element " + elements.get(b) + " is not a band of the "
                        + "raster; its bands are: " + String.join(", ", raster.bandNames()));
            }
            bands[b] = band.data();
            double sum = 0;
            long count = 0;
            for (int cell = 0; cell < bands[b].length; cell++) {
                float v = bands[b][cell];
                if (Float.isNaN(v)) {
                    noData.set(cell);
                } else {
                    sum += v;
                    count++;
                }
            }
            if (count == 0) {
                throw new InvalidInputException("elements", "band " + band.name() + " has no data in any cell; "
                        + "leave it out of the elements");
            }
            means[b] = (float) (sum / count);
        }
        return new PatchSource(raster.grid().width(), bands, means, noData);
    }

    /** Cells (row-major) where at least one chosen band has no data. Do not modify. */
    public BitSet noData() {
        return noData;
    }

    public int channels() {
        return bands.length;
    }

    /**
     * The values of the size × size window with top-left cell (row, column), channel-major, rows north-first; a
     * cell without data in a band takes that band's mean.
     */
    public float[] cut(int row, int column, int size) {
        float[] values = new float[bands.length * size * size];
        int k = 0;
        for (int b = 0; b < bands.length; b++) {
            for (int r = row; r < row + size; r++) {
                int from = r * width + column;
                System.arraycopy(bands[b], from, values, k, size);
                for (int q = k; q < k + size; q++) {
                    if (Float.isNaN(values[q])) {
                        values[q] = means[b];
                    }
                }
                k += size;
            }
        }
        return values;
    }
}
