package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The paper's protocol: one ore probability per tile. A tile no larger than the model's training patch is judged
 * by the one network window centred on it — for the paper's 256-cell tiles and 256/224 patches exactly its
 * centre crop. A larger tile is covered by windows at half a window's stride and takes the highest of their
 * probabilities, since the network was trained to say whether a deposit lies anywhere in its window, and the tile
 * is ore when a deposit lies anywhere in it. Windows that would cross the grid's edge are shifted inside it. A tile
 * more than half without data gets no probability. Every cell with data takes its tile's probability.
 */
final class TilePredictor {
    private TilePredictor() {
    }

    /**
     * @param patchSize the model's training patch side, in cells
     */
    static ProbabilitySurface predict(WindowScores scorer, BitSet noData, int width, int height, TileLayout tiles,
                                      int patchSize, ProgressListener progress, Cancellation cancellation) {
        NoDataCounter counter = new NoDataCounter(noData, width, height);
        int size = scorer.size();
        List<int[]> windows = new ArrayList<>(); // {tile index, row, column}
        for (int tr = 0; tr < tiles.rows(); tr++) {
            for (int tc = 0; tc < tiles.columns(); tc++) {
                int r0 = tiles.firstRow(tr);
                int c0 = tiles.firstColumn(tc);
                int rows = tiles.endRow(tr) - r0;
                int columns = tiles.endColumn(tc) - c0;
                if (counter.mostlyEmpty(r0, c0, rows, columns)) {
                    continue;
                }
                int tile = tiles.number(tr, tc) - 1;
                for (int row : starts(r0, rows, size, patchSize, height)) {
                    for (int column : starts(c0, columns, size, patchSize, width)) {
                        windows.add(new int[] {tile, row, column});
                    }
                }
            }
        }
        WindowScorer.Scores scores = scorer.score(windows.stream().mapToInt(w -> w[1]).toArray(),
                windows.stream().mapToInt(w -> w[2]).toArray(), progress, cancellation);
        double[] tileProbability = new double[tiles.count()];
        int[] tileWindow = new int[tiles.count()]; // the window that judged the tile: its highest
        Arrays.fill(tileProbability, Double.NaN);
        for (int i = 0; i < windows.size(); i++) {
            int tile = windows.get(i)[0];
            float p = scores.probability()[i];
            if (Double.isNaN(tileProbability[tile]) || p > tileProbability[tile]) {
                tileProbability[tile] = p;
                tileWindow[tile] = i;
            }
        }
        float[][] perWindow = scores.layers();
        float[][] perCell = new float[perWindow.length][];
        for (int l = 0; l < perWindow.length; l++) {
            perCell[l] = perWindow[l] == null ? null : new float[width * height];
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                int tile = tiles.numberOf(r, c) - 1;
                boolean judged = !noData.get(cell) && !Double.isNaN(tileProbability[tile]);
                for (int l = 0; l < perCell.length; l++) {
                    if (perCell[l] != null) {
                        perCell[l][cell] = judged ? perWindow[l][tileWindow[tile]] : Float.NaN;
                    }
                }
            }
        }
        return new ProbabilitySurface(perCell[0], perCell[1], perCell[2], tileProbability, windows.size());
    }

    /**
     * Window starts along one axis for a tile spanning [first, first + length): one centred window when the tile
     * is no longer than a training patch, else windows every half window from the tile's start with the last
     * flush with its end; each kept within [0, gridLength − size].
     */
    static int[] starts(int first, int length, int size, int patchSize, int gridLength) {
        if (length <= patchSize) {
            return new int[] {clamp(first + Math.floorDiv(length - size, 2), gridLength - size)};
        }
        int step = Math.max(1, size / 2);
        List<Integer> starts = new ArrayList<>();
        for (int s = first; s + size < first + length; s += step) {
            starts.add(clamp(s, gridLength - size));
        }
        starts.add(clamp(first + length - size, gridLength - size));
        return starts.stream().mapToInt(Integer::intValue).distinct().toArray();
    }

    private static int clamp(int start, int max) {
        return Math.max(0, Math.min(start, max));
    }
}
