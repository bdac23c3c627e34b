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
 * Elements share one neighbour search per cell, its weights reused for every element. An element missing at some
 * samples is interpolated from the samples that have it (never from a zero): one missing at a few samples shares
 * the search, which then asks for as many extra neighbours; one missing at many gets a search of its own. Rows are shared among threads; each
 * cell's result depends only on its inputs, so the output does not depend on the thread count.
 */
public final class IdwInterpolator {
    private static final int ROWS_PER_TASK = 8;
    /** Cancellation is polled this often within a row: a one-row grid can be a billion cells wide. */
    private static final int CELLS_PER_CHECK = 4096;
    private static final int MAX_SHARED_MISSING = 32;
    private static final int MAX_SHARED_CELLS = 64;

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
        List<Group> groups = groups(x, y, values);
        int done = 0;
        for (Group group : groups) {
            double from = (double) done / values.length;
            double to = (double) (done + group.members().length) / values.length;
            float[][] result = interpolateGroup(x, y, values, group, grid, inside, progress.slice(from, to),
                    cancellation);
            for (int m = 0; m < group.members().length; m++) {
                out[group.members()[m]] = result[m];
            }
            done += group.members().length;
        }
        return out;
    }

    /**
     * Elements sharing one neighbour search: {@code samples} are indexed, {@code members} are the elements, and at
     * most {@code extra} indexed samples lack any one member — so the k + extra nearest hold each member's k nearest.
     */
    private record Group(int[] samples, int[] members, int extra) {
    }

    /**
     * Elements missing at no more than {@value #MAX_SHARED_MISSING} samples share a search over all samples, asking
     * for that many extra neighbours; an element missing more often (gold analysed at a third of the samples) gets
     * a search over just its samples, shared with any element analysed at exactly the same ones.
     */
    private static List<Group> groups(double[] x, double[] y, double[][] values) {
        BitSet located = new BitSet(x.length);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                located.set(i);
            }
        }
        List<Integer> shared = new ArrayList<>();
        int extra = 0;
        Map<BitSet, List<Integer>> own = new LinkedHashMap<>();
        for (int e = 0; e < values.length; e++) {
            BitSet present = (BitSet) located.clone();
            for (int i = located.nextSetBit(0); i >= 0; i = located.nextSetBit(i + 1)) {
                if (Double.isNaN(values[e][i])) {
                    present.clear(i);
                }
            }
            if (present.isEmpty()) {
                throw new InvalidInputException("elements", "element " + (e + 1) + " has no sample with a value");
            }
            int missing = located.cardinality() - present.cardinality();
            if (missing <= MAX_SHARED_MISSING) {
                shared.add(e);
                extra = Math.max(extra, missing);
            } else {
                own.computeIfAbsent(present, k -> new ArrayList<>()).add(e);
            }
        }
        List<Group> groups = new ArrayList<>();
        if (!shared.isEmpty()) {
            groups.add(new Group(located.stream().toArray(), toArray(shared), extra));
        }
        own.forEach((present, members) -> groups.add(new Group(present.stream().toArray(), toArray(members), 0)));
        return groups;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private float[][] interpolateGroup(double[] x, double[] y, double[][] values, Group group, GridGeometry grid,
                                       boolean[] inside, ProgressListener progress, Cancellation cancellation) {
        int[] sample = group.samples();
        int[] members = group.members();
        int n = sample.length;
        double[] gx = new double[n];
        double[] gy = new double[n];
        for (int j = 0; j < n; j++) {
            gx[j] = x[sample[j]];
            gy[j] = y[sample[j]];
        }
        NeighbourIndex index = new NeighbourIndex(gx, gy);
        int m = members.length;
        // values in the index's storage order, the elements of one sample side by side
        double[] interleaved = new double[n * m];
        boolean[] complete = new boolean[n];
        for (int s = 0; s < n; s++) {
            int i = sample[index.original(s)];
            complete[s] = true;
            for (int e = 0; e < m; e++) {
                interleaved[s * m + e] = values[members[e]][i];
                complete[s] &= !Double.isNaN(interleaved[s * m + e]);
            }
        }
        float[][] out = new float[m][(int) grid.cellCount()];
        Cells cells = new Cells(grid, inside, interleaved, complete, m, out);
        runRows(grid.height(), progress, () -> {
            NeighbourIndex.Query query = index.new Query(parameters.neighbours() + group.extra());
            double[] acc = new double[m];
            return row -> interpolateRow(row, cells, query, acc, cancellation);
        });
        return out;
    }

    /** What every row of a group reads and writes. */
    private record Cells(GridGeometry grid, boolean[] inside, double[] interleaved, boolean[] complete, int m,
                         float[][] out) {
    }

    /**
     * One row. Neighbouring cells share their neighbours: after a full search at a cell whose k-th neighbour is at
     * distance D, the k nearest of a cell j columns on lie within D + 2·j·cellWidth of it (triangle inequality), so
     * the next cells are searched among just the points within that reach — the same answer, a fraction of the work.
     */
    private void interpolateRow(int row, Cells c, NeighbourIndex.Query query, double[] acc,
                                Cancellation cancellation) {
        GridGeometry grid = c.grid();
        double cy = grid.centreY(row);
        int base = row * grid.width();
        int shared = 0;
        double blockX = 0;
        for (int col = 0; col < grid.width(); col++) {
            if (col % CELLS_PER_CHECK == 0) {
                cancellation.check();
            }
            int cell = base + col;
            if (c.inside() != null && !c.inside()[cell]) {
                setAll(c, cell, Float.NaN);
                continue;
            }
            double cx = grid.centreX(col);
            if (shared > 0 && cx - blockX <= shared * grid.cellWidth()) {
                query.searchCandidates(cx, cy, parameters.radius());
            } else {
                query.search(cx, cy, parameters.radius());
                shared = 0;
                if (query.found == query.k) {
                    double d = Math.sqrt(query.d2[query.k - 1]);
                    // reach grows with the block: keep it within 1.5 D so the candidates stay few
                    shared = (int) Math.min(MAX_SHARED_CELLS, Math.floor(d / (4 * grid.cellWidth())));
                    if (shared >= 2) {
                        blockX = cx;
                        query.collect(cx, cy, d + 2 * shared * grid.cellWidth());
                    } else {
                        shared = 0;
                    }
                }
            }
            emit(c, cell, query, acc);
        }
    }

    private void emit(Cells c, int cell, NeighbourIndex.Query query, double[] acc) {
        int use = Math.min(parameters.neighbours(), query.found);
        boolean allComplete = true;
        for (int j = 0; j < use && allComplete; j++) {
            allComplete = c.complete()[query.slot[j]];
        }
        if (allComplete) {
            weighAll(c, cell, query, use, acc);
        } else {
            for (int e = 0; e < c.m(); e++) {
                c.out()[e][cell] = weighOne(c, e, query);
            }
        }
    }

    private static void setAll(Cells c, int cell, float value) {
        for (int e = 0; e < c.m(); e++) {
            c.out()[e][cell] = value;
        }
    }

    /** The k nearest have every element: one set of weights serves them all. */
    private void weighAll(Cells c, int cell, NeighbourIndex.Query query, int use, double[] acc) {
        int m = c.m();
        if (use < parameters.minPoints()) {
            setAll(c, cell, Float.NaN);
            return;
        }
        if (query.d2[0] == 0) {
            int s = query.slot[0] * m;
            for (int e = 0; e < m; e++) {
                c.out()[e][cell] = (float) c.interleaved()[s + e];
            }
            return;
        }
        Arrays.fill(acc, 0);
        double sumW = 0;
        for (int j = 0; j < use; j++) {
            double w = weight(query.d2[j]);
            sumW += w;
            int s = query.slot[j] * m;
            for (int e = 0; e < m; e++) {
                acc[e] += w * c.interleaved()[s + e];
            }
        }
        for (int e = 0; e < m; e++) {
            c.out()[e][cell] = (float) (acc[e] / sumW);
        }
    }

    /** Element e from the k nearest candidates that have it (the search asked for enough extra ones). */
    private float weighOne(Cells c, int e, NeighbourIndex.Query query) {
        double sumW = 0;
        double sumWV = 0;
        int used = 0;
        for (int j = 0; j < query.found && used < parameters.neighbours(); j++) {
            double v = c.interleaved()[query.slot[j] * c.m() + e];
            if (Double.isNaN(v)) {
                continue;
            }
            if (query.d2[j] == 0) {
                return (float) v;
            }
            double w = weight(query.d2[j]);
            sumW += w;
            sumWV += w * v;
            used++;
        }
        return used < parameters.minPoints() ? Float.NaN : (float) (sumWV / sumW);
    }

    private double weight(double d2) {
        return parameters.power() == 2 ? 1 / d2 : Math.pow(d2, -parameters.power() / 2);
    }

    /**
     * Runs every row once over the worker threads. Each thread asks {@code workers} once for its own row worker,
     * so search state and accumulators are never shared; the row workers poll the cancellation.
     */
    private void runRows(int height, ProgressListener progress, Supplier<IntConsumer> workers) {
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
