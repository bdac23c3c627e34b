package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Dense prediction, beyond the paper: network windows every {@code stride} cells across the grid (the last row
 * and column of windows flush with the grid's edges, so every cell is covered), each cell taking the mean
 * probability of the windows covering it — a continuous surface instead of the tiles' blocks. Windows more than
 * half without data are not scored; cells without data get none. The mean over covering windows is computed from
 * prefix sums over the window lattice, so it costs one pass over the cells whatever the window size.
 */
final class SlidingWindowPredictor {
    private SlidingWindowPredictor() {
    }

    static ProbabilitySurface predict(WindowScores scorer, BitSet noData, int width, int height, int stride,
                                      ProgressListener progress, Cancellation cancellation) {
        int size = scorer.size();
        int[] rowStarts = starts(height, size, stride);
        int[] columnStarts = starts(width, size, stride);
        NoDataCounter counter = new NoDataCounter(noData, width, height);
        List<int[]> windows = new ArrayList<>(); // {lattice row, lattice column}
        for (int i = 0; i < rowStarts.length; i++) {
            for (int j = 0; j < columnStarts.length; j++) {
                if (!counter.mostlyEmpty(rowStarts[i], columnStarts[j], size, size)) {
                    windows.add(new int[] {i, j});
                }
            }
        }
        WindowScorer.Scores scores = scorer.score(windows.stream().mapToInt(w -> rowStarts[w[0]]).toArray(),
                windows.stream().mapToInt(w -> columnStarts[w[1]]).toArray(), progress, cancellation);

        Lattice count = new Lattice(rowStarts.length, columnStarts.length);
        float[][] perWindow = scores.layers();
        Lattice[] sums = new Lattice[perWindow.length];
        for (int l = 0; l < perWindow.length; l++) {
            sums[l] = perWindow[l] == null ? null : new Lattice(rowStarts.length, columnStarts.length);
        }
        for (int w = 0; w < windows.size(); w++) {
            int[] at = windows.get(w);
            count.add(at[0], at[1], 1);
            for (int l = 0; l < perWindow.length; l++) {
                if (sums[l] != null) {
                    sums[l].add(at[0], at[1], perWindow[l][w]);
                }
            }
        }
        count.accumulate();
        for (Lattice sum : sums) {
            if (sum != null) {
                sum.accumulate();
            }
        }
        int[][] rowCover = covering(rowStarts, height, size);
        int[][] columnCover = covering(columnStarts, width, size);
        float[][] perCell = new float[perWindow.length][];
        for (int l = 0; l < perWindow.length; l++) {
            perCell[l] = sums[l] == null ? null : new float[width * height];
        }
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int cell = r * width + c;
                int i0 = rowCover[0][r];
                int i1 = rowCover[1][r];
                int j0 = columnCover[0][c];
                int j1 = columnCover[1][c];
                double n = count.box(i0, i1, j0, j1);
                boolean judged = n > 0 && !noData.get(cell);
                for (int l = 0; l < perCell.length; l++) {
                    if (perCell[l] != null) {
                        perCell[l][cell] = judged ? (float) (sums[l].box(i0, i1, j0, j1) / n) : Float.NaN;
                    }
                }
            }
        }
        return new ProbabilitySurface(perCell[0], perCell[1], perCell[2], null, windows.size());
    }

    /** Window starts 0, stride, 2·stride, … and one flush with the far edge. */
    static int[] starts(int length, int size, int stride) {
        List<Integer> starts = new ArrayList<>();
        for (int s = 0; s <= length - size; s += stride) {
            starts.add(s);
        }
        if (starts.get(starts.size() - 1) != length - size) {
            starts.add(length - size);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** For each cell along an axis, the first and last window (by index) that covers it. */
    private static int[][] covering(int[] starts, int length, int size) {
        int[][] cover = new int[2][length];
        int first = 0;
        int last = -1;
        for (int x = 0; x < length; x++) {
            while (last + 1 < starts.length && starts[last + 1] <= x) {
                last++;
            }
            while (starts[first] + size <= x) {
                first++;
            }
            cover[0][x] = first;
            cover[1][x] = last;
        }
        return cover;
    }

    /** Values on the window lattice and, after {@link #accumulate}, their sums over any box of windows. */
    private static final class Lattice {
        private final int columns;
        private final double[] values; // (rows + 1) × (columns + 1), row 0 and column 0 zero

        Lattice(int rows, int columns) {
            this.columns = columns;
            this.values = new double[(rows + 1) * (columns + 1)];
        }

        void add(int row, int column, double v) {
            values[(row + 1) * (columns + 1) + column + 1] += v;
        }

        void accumulate() {
            int w = columns + 1;
            for (int i = 1; i < values.length / w; i++) {
                for (int j = 1; j < w; j++) {
                    values[i * w + j] += values[(i - 1) * w + j] + values[i * w + j - 1] - values[(i - 1) * w + j - 1];
                }
            }
        }

        /** The sum over windows i0…i1 × j0…j1 (inclusive). */
        double box(int i0, int i1, int j0, int j1) {
            int w = columns + 1;
            return values[(i1 + 1) * w + j1 + 1] - values[i0 * w + j1 + 1] - values[(i1 + 1) * w + j0]
                    + values[i0 * w + j0];
        }
    }
}
