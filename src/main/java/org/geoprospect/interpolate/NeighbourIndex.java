package org.geoprospect.interpolate;

import java.util.Arrays;

/**
 * k-nearest-neighbour search over a fixed set of 2-D points, by a uniform bucket grid searched in square rings
 * outward from the query's bucket. With about {@value #POINTS_PER_BUCKET} points per bucket a k = 12 query visits
 * one or two rings, so an IDW cell costs a few dozen distance computations whatever the number of samples.
 * Points are stored in bucket order; {@link #original(int)} maps back. Immutable after construction and
 * thread-safe; each thread uses its own {@link Query}.
 */
final class NeighbourIndex {
    private static final double POINTS_PER_BUCKET = 2.0;
    /** Queries farther than this many buckets from the index scan every point instead of ring after ring. */
    private static final double MAX_RINGS = 1 << 29;

    private final double minX;
    private final double minY;
    private final double bucket;
    private final int nbx;
    private final int nby;
    private final int[] start;
    private final double[] px;
    private final double[] py;
    private final int[] original;

    /** @param x, y point coordinates, all finite; at least one point */
    NeighbourIndex(double[] x, double[] y) {
        int n = x.length;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        double w = x1 - x0;
        double h = y1 - y0;
        double span = Math.max(w, h);
        // points on a line would give zero-area buckets: bound the bucket count by n. Points all at one place need
        // a single bucket of any positive size (a tiny one made a query a metre away some 10⁹ rings out)
        double size = span > 0 ? Math.max(Math.sqrt(w * h * POINTS_PER_BUCKET / n), span / n) : 1;
        this.minX = x0;
        this.minY = y0;
        this.bucket = size;
        // size ≥ sqrt(w·h·2/n) and ≥ max(w, h)/n keep the bucket count below about 3n
        this.nbx = (int) Math.floor(w / size) + 1;
        this.nby = (int) Math.floor(h / size) + 1;
        int[] b = new int[n];
        int[] count = new int[nbx * nby + 1];
        for (int i = 0; i < n; i++) {
            b[i] = bucketX(x[i]) + nbx * bucketY(y[i]);
            count[b[i] + 1]++;
        }
        for (int i = 0; i < nbx * nby; i++) {
            count[i + 1] += count[i];
        }
        this.start = count.clone();
        this.px = new double[n];
        this.py = new double[n];
        this.original = new int[n];
        int[] next = count;
        for (int i = 0; i < n; i++) {
            int slot = next[b[i]]++;
            px[slot] = x[i];
            py[slot] = y[i];
            original[slot] = i;
        }
    }

    int size() {
        return px.length;
    }

    /** The caller's index of the point stored at slot. */
    int original(int slot) {
        return original[slot];
    }

    private int bucketX(double x) {
        return Math.min(nbx - 1, (int) ((x - minX) / bucket));
    }

    private int bucketY(double y) {
        return Math.min(nby - 1, (int) ((y - minY) / bucket));
    }

    /**
     * Per-thread search state: the k nearest found by the last {@link #search} or {@link #searchCandidates},
     * nearest first, and a candidate list gathered by {@link #collect}.
     */
    final class Query {
        final int k;
        final double[] d2;
        final int[] slot;
        int found;
        private int[] candidates = new int[64];
        private double[] candidateDistance = new double[64];
        private double collectX;
        private double collectY;
        private long[] order = new long[64];
        private int candidateCount;

        Query(int k) {
            this.k = Math.min(k, px.length);
            this.d2 = new double[this.k];
            this.slot = new int[this.k];
        }

        /**
         * Finds the k nearest points within {@code radius} of (x, y); afterwards {@link #found} of them are in
         * {@link #d2} (squared distances, ascending; ties by storage order) and {@link #slot}.
         */
        void search(double x, double y, double radius) {
            found = 0;
            double limit2 = radius * radius;
            double fx = (x - minX) / bucket;
            double fy = (y - minY) / bucket;
            if (!(Math.abs(fx) < MAX_RINGS && Math.abs(fy) < MAX_RINGS)) {
                // so far out the ring numbers would overflow an int, and walking them costs more than one look at every point
                scanSlots(0, px.length, x, y, limit2);
                return;
            }
            int qx = (int) Math.floor(fx);
            int qy = (int) Math.floor(fy);
            // the smallest distance from the query to the edge of its own (virtual) bucket
            double gap = Math.min(Math.min(fx - qx, qx + 1 - fx), Math.min(fy - qy, qy + 1 - fy)) * bucket;
            long first = Math.max(Math.max(-qx, qx - (nbx - 1)), Math.max(-qy, qy - (nby - 1)));
            first = Math.max(first, 0);
            long last = Math.max(Math.max(qx, nbx - 1 - qx), Math.max(qy, nby - 1 - qy));
            for (long r = first; r <= last; r++) {
                if (r > 0) {
                    double lower = (r - 1) * bucket + gap;
                    double lower2 = lower * lower;
                    if (lower2 > limit2 || (found == k && lower2 >= d2[k - 1])) {
                        return;
                    }
                }
                scanRing(qx, qy, r, x, y, limit2);
            }
        }

        /**
         * Gathers every point within {@code reach} of (x, y) as the candidates of later
         * {@link #searchCandidates} calls. Cells near (x, y) can then be searched among these few points alone.
         */
        void collect(double x, double y, double reach) {
            candidateCount = 0;
            collectX = x;
            collectY = y;
            double reach2 = reach * reach;
            int bx0 = Math.max(0, (int) Math.floor((x - reach - minX) / bucket));
            int bx1 = Math.min(nbx - 1, (int) Math.floor((x + reach - minX) / bucket));
            int by0 = Math.max(0, (int) Math.floor((y - reach - minY) / bucket));
            int by1 = Math.min(nby - 1, (int) Math.floor((y + reach - minY) / bucket));
            if (bx0 > bx1 || by0 > by1) {
                return; // the reach misses the points' extent
            }
            for (int by = by0; by <= by1; by++) {
                int from = start[bx0 + nbx * by];
                int to = start[bx1 + nbx * by + 1];
                for (int s = from; s < to; s++) {
                    double dx = px[s] - x;
                    double dy = py[s] - y;
                    double dd = dx * dx + dy * dy;
                    if (dd <= reach2) {
                        if (candidateCount == order.length) {
                            order = Arrays.copyOf(order, candidateCount * 2);
                        }
                        // the float bits of a positive number sort as it does: nearest first, slot in the low bits
                        order[candidateCount++] = ((long) Float.floatToIntBits((float) dd) << 32) | s;
                    }
                }
            }
            // nearest first, so that later queries nearby insert mostly at the end of their k-list
            Arrays.sort(order, 0, candidateCount);
            if (candidates.length < candidateCount) {
                candidates = new int[order.length];
                candidateDistance = new double[order.length];
            }
            for (int c = 0; c < candidateCount; c++) {
                int s = (int) order[c];
                candidates[c] = s;
                candidateDistance[c] = Math.hypot(px[s] - x, py[s] - y);
            }
        }

        /**
         * Like {@link #search}, but among the last {@link #collect}ed candidates only. Equal to a full search when
         * the candidates hold every point that can be among this query's k nearest.
         */
        void searchCandidates(double x, double y, double radius) {
            found = 0;
            double limit2 = radius * radius;
            double offset = Math.hypot(x - collectX, y - collectY);
            for (int c = 0; c < candidateCount; c++) {
                // candidates are nearest-first from the collect point: once one is farther from this query than
                // the k-th found (by the triangle inequality), so is every later one
                double lower = candidateDistance[c] - offset;
                if (found == k && lower > 0 && lower * lower > d2[k - 1] * (1 + 1e-9)) {
                    break;
                }
                consider(candidates[c], x, y, limit2);
            }
        }

        private void scanRing(long qx, long qy, long r, double x, double y, double limit2) {
            long y0 = qy - r;
            long y1 = qy + r;
            int x0 = (int) Math.max(qx - r, 0);
            int x1 = (int) Math.min(qx + r, nbx - 1);
            if (y0 >= 0 && y0 < nby) {
                scanRow((int) y0, x0, x1, x, y, limit2);
            }
            if (r > 0 && y1 >= 0 && y1 < nby) {
                scanRow((int) y1, x0, x1, x, y, limit2);
            }
            if (r == 0) {
                return;
            }
            int ya = (int) Math.max(y0 + 1, 0);
            int yb = (int) Math.min(y1 - 1, nby - 1);
            for (int by = ya; by <= yb; by++) {
                if (qx - r >= 0) {
                    scanBucket((int) (qx - r) + nbx * by, x, y, limit2);
                }
                if (qx + r < nbx) {
                    scanBucket((int) (qx + r) + nbx * by, x, y, limit2);
                }
            }
        }

        private void scanRow(int by, int x0, int x1, double x, double y, double limit2) {
            if (x0 > x1) {
                return;
            }
            int from = start[x0 + nbx * by];
            int to = start[x1 + nbx * by + 1];
            scanSlots(from, to, x, y, limit2);
        }

        private void scanBucket(int b, double x, double y, double limit2) {
            scanSlots(start[b], start[b + 1], x, y, limit2);
        }

        private void scanSlots(int from, int to, double x, double y, double limit2) {
            for (int s = from; s < to; s++) {
                consider(s, x, y, limit2);
            }
        }

        /** Keeps point s if it is within reach and among the k nearest so far (ties: lower slot first). */
        private void consider(int s, double x, double y, double limit2) {
            double dx = px[s] - x;
            double dy = py[s] - y;
            double dd = dx * dx + dy * dy;
            if (dd > limit2 || (found == k && (dd > d2[k - 1] || (dd == d2[k - 1] && s > slot[k - 1])))) {
                return;
            }
            insert(dd, s);
        }

        private void insert(double dd, int s) {
            int i = found < k ? found++ : k - 1;
            // ties keep the earlier-stored point first, so results do not depend on scan order
            while (i > 0 && (d2[i - 1] > dd || (d2[i - 1] == dd && slot[i - 1] > s))) {
                d2[i] = d2[i - 1];
                slot[i] = slot[i - 1];
                i--;
            }
            d2[i] = dd;
            slot[i] = s;
        }
    }
}
