package org.geoprospect.interpolate;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.grid.GridGeometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Inverse-distance-weighted interpolation of several elements at once onto the cell centres of a grid:
 * v(c) = Σ wᵢ vᵢ / Σ wᵢ with wᵢ = 1/dᵢᵖ over the k nearest samples within the radius; a cell at a sample takes its
 * value; a cell with fewer than {@code minPoints} samples in reach gets NaN (no data). This is gdal_grid's
 * {@code invdistnn} algorithm.
 * <p>
 * Elements analysed at the same samples share one neighbour search per cell, its weights reused for every element.
 * An element missing at some samples is interpolated from the samples that have it (never from a zero), so elements
 * are grouped by which samples have them and each group gets its own search. Rows are shared among threads; each
 * cell's result depends only on its inputs, so the output does not depend on the thread count.
 */
public final class IdwInterpolator {
    private static final int ROWS_PER_TASK = 8;

    private final IdwParameters parameters;

    public IdwInterpolator(IdwParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * @param x, y     sample coordinates in the grid's CRS
     * @param values   per element, one value per sample; NaN = not analysed
     * @param grid     where to interpolate (cell centres)
     * @param inside   per cell (row-major), whether to compute it; null = every cell
     * @return per element, float32 values per cell, row-major, NaN = no data
     * @throws InvalidInputException when an element has no sample with a value
     * @throws CancelledException    when cancelled
     */
    public float[][] interpolate(double[] x, double[] y, double[][] values, GridGeometry grid, boolean[] inside,
                                 ProgressListener progress, Cancellation cancellation) {
        float[][] out = new float[values.length][];
        Map<BitSet, List<Integer>> groups = groupByPresence(x, y, values);
        int done = 0;
        for (Map.Entry<BitSet, List<Integer>> group : groups.entrySet()) {
            int[] members = group.getValue().stream().mapToInt(Integer::intValue).toArray();
            double from = (double) done / values.length;
            double to = (double) (done + members.length) / values.length;
            float[][] result = interpolateGroup(x, y, values, group.getKey(), members, grid, inside,
                    progress.slice(from, to), cancellation);
            for (int m = 0; m < members.length; m++) {
                out[members[m]] = result[m];
            }
            done += members.length;
        }
        return out;
    }

    private static Map<BitSet, List<Integer>> groupByPresence(double[] x, double[] y, double[][] values) {
        Map<BitSet, List<Integer>> groups = new LinkedHashMap<>();
        for (int e = 0; e < values.length; e++) {
            BitSet present = new BitSet(x.length);
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(values[e][i]) && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    present.set(i);
                }
            }
            if (present.isEmpty()) {
                throw new InvalidInputException("elements", "element " + (e + 1) + " has no sample with a value");
            }
            groups.computeIfAbsent(present, k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    private float[][] interpolateGroup(double[] x, double[] y, double[][] values, BitSet present, int[] members,
                                       GridGeometry grid, boolean[] inside, ProgressListener progress,
                                       Cancellation cancellation) {
        int n = present.cardinality();
        double[] gx = new double[n];
        double[] gy = new double[n];
        int[] sample = new int[n];
        for (int i = present.nextSetBit(0), j = 0; i >= 0; i = present.nextSetBit(i + 1), j++) {
            gx[j] = x[i];
            gy[j] = y[i];
            sample[j] = i;
        }
        NeighbourIndex index = new NeighbourIndex(gx, gy);
        int m = members.length;
        // values in the index's storage order, the elements of one sample side by side
        double[] interleaved = new double[n * m];
        for (int s = 0; s < n; s++) {
            int i = sample[index.original(s)];
            for (int e = 0; e < m; e++) {
                interleaved[s * m + e] = values[members[e]][i];
            }
        }
        float[][] out = new float[m][(int) grid.cellCount()];
        runRows(grid.height(), progress, cancellation, () -> {
            NeighbourIndex.Query query = index.new Query(parameters.neighbours());
            double[] acc = new double[m];
            return row -> interpolateRow(row, grid, inside, index, query, interleaved, m, acc, out);
        });
        return out;
    }

    private void interpolateRow(int row, GridGeometry grid, boolean[] inside, NeighbourIndex index,
                                NeighbourIndex.Query query, double[] interleaved, int m, double[] acc,
                                float[][] out) {
        double cy = grid.centreY(row);
        int base = row * grid.width();
        double halfPower = parameters.power() / 2;
        boolean squared = parameters.power() == 2;
        for (int col = 0; col < grid.width(); col++) {
            int cell = base + col;
            if (inside != null && !inside[cell]) {
                for (int e = 0; e < m; e++) {
                    out[e][cell] = Float.NaN;
                }
                continue;
            }
            query.search(grid.centreX(col), cy, parameters.radius());
            if (query.found < parameters.minPoints()) {
                for (int e = 0; e < m; e++) {
                    out[e][cell] = Float.NaN;
                }
                continue;
            }
            if (query.d2[0] == 0) {
                int s = query.slot[0] * m;
                for (int e = 0; e < m; e++) {
                    out[e][cell] = (float) interleaved[s + e];
                }
                continue;
            }
            Arrays.fill(acc, 0);
            double sumW = 0;
            for (int j = 0; j < query.found; j++) {
                double w = squared ? 1 / query.d2[j] : Math.pow(query.d2[j], -halfPower);
                sumW += w;
                int s = query.slot[j] * m;
                for (int e = 0; e < m; e++) {
                    acc[e] += w * interleaved[s + e];
                }
            }
            for (int e = 0; e < m; e++) {
                out[e][cell] = (float) (acc[e] / sumW);
            }
        }
    }

    /**
     * Runs every row once over the worker threads. Each thread asks {@code workers} once for its own row worker,
     * so search state and accumulators are never shared.
     */
    private void runRows(int height, ProgressListener progress, Cancellation cancellation,
                         Supplier<IntConsumer> workers) {
        AtomicInteger nextRow = new AtomicInteger();
        AtomicInteger rowsDone = new AtomicInteger();
        int threads = Math.max(1, Math.min(parameters.threads(), (height + ROWS_PER_TASK - 1) / ROWS_PER_TASK));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "idw");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    IntConsumer worker = workers.get();
                    for (int r0; (r0 = nextRow.getAndAdd(ROWS_PER_TASK)) < height; ) {
                        cancellation.check();
                        int r1 = Math.min(height, r0 + ROWS_PER_TASK);
                        for (int row = r0; row < r1; row++) {
                            worker.accept(row);
                        }
                        progress.progress((double) rowsDone.addAndGet(r1 - r0) / height, "interpolating");
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new ExecutionFailedException("interpolation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }
}
