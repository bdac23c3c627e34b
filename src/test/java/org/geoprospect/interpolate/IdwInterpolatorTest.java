package org.geoprospect.interpolate;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.GridGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdwInterpolatorTest {
    private static final Crs CRS = Crs.epsg(3067);

    /** Clustered points: half uniform, half in a few tight clusters — like a stream-sediment survey. */
    private static double[][] clustered(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                x[i] = r.nextDouble(0, 10_000);
                y[i] = r.nextDouble(0, 8_000);
            } else {
                int c = r.nextInt(4);
                x[i] = 2_000 + 2_000 * c + r.nextGaussian() * 150;
                y[i] = 1_000 + 1_500 * c + r.nextGaussian() * 150;
            }
        }
        return new double[][] {x, y};
    }

    /** The definition, computed the slow way: sort all distances, take the k nearest within the radius. */
    private static double[] bruteForce(double[] x, double[] y, double[] v, GridGeometry g, double power, int k,
                                       double radius, int minPoints) {
        double[] out = new double[(int) g.cellCount()];
        for (int row = 0; row < g.height(); row++) {
            for (int col = 0; col < g.width(); col++) {
                double cx = g.centreX(col);
                double cy = g.centreY(row);
                int m = 0;
                double[][] d = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    if (Double.isNaN(v[i])) {
                        continue;
                    }
                    double dist = Math.hypot(x[i] - cx, y[i] - cy);
                    if (dist <= radius) {
                        d[m++] = new double[] {dist, v[i]};
                    }
                }
                double[][] near = Arrays.copyOf(d, m);
                Arrays.sort(near, (a, b) -> Double.compare(a[0], b[0]));
                int use = Math.min(k, m);
                double value;
                if (use < minPoints) {
                    value = Double.NaN;
                } else if (near[0][0] == 0) {
                    value = near[0][1];
                } else {
                    double sw = 0;
                    double swv = 0;
                    for (int j = 0; j < use; j++) {
                        double w = 1 / Math.pow(near[j][0], power);
                        sw += w;
                        swv += w * near[j][1];
                    }
                    value = swv / sw;
                }
                out[row * g.width() + col] = value;
            }
        }
        return out;
    }

    private static void assertClose(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Float.isNaN(actual[i]), "cell " + i + " should be no data, is " + actual[i]);
            } else {
                double rel = Math.abs(actual[i] - expected[i]) / Math.max(1e-12, Math.abs(expected[i]));
                assertTrue(rel <= 1e-5, "cell " + i + ": " + actual[i] + " vs brute force " + expected[i]);
            }
        }
    }

    @ParameterizedTest(name = "power {0}, k {1}, radius {2}, min {3}")
    @CsvSource({"2, 12, Infinity, 1", "1.5, 5, Infinity, 1", "3, 1, Infinity, 1", "2, 12, 600, 3", "2, 400, 2500, 1"})
    void equalsBruteForceIdwForEveryElement(double power, int k, double radius, int minPoints) {
        double[][] xy = clustered(400, 7);
        SplittableRandom r = new SplittableRandom(11);
        double[][] values = new double[4][400];
        for (int i = 0; i < 400; i++) {
            values[0][i] = Math.exp(r.nextGaussian());
            values[1][i] = 100 + xy[0][i] / 100;
            // the third element was analysed at only some samples: the others must not count as zero
            values[2][i] = i % 3 == 0 ? Double.NaN : r.nextDouble(1, 50);
            // missing at a few samples only: shares the others' search, which asks for extra neighbours
            values[3][i] = i % 97 == 5 ? Double.NaN : r.nextDouble(1, 50);
        }
        // the grid reaches past the samples on every side, so searches start outside the index
        GridGeometry grid = new GridGeometry(CRS, -1_500, 9_000, 250, 200, 54, 55);
        IdwParameters p = IdwParameters.builder().optPower(power).optNeighbours(k).optRadius(radius)
                .optMinPoints(minPoints).build();
        float[][] out = new IdwInterpolator(p).interpolate(xy[0], xy[1], values, grid, null,
                ProgressListener.NONE, Cancellation.none());
        for (int e = 0; e < 4; e++) {
            assertClose(bruteForce(xy[0], xy[1], values[e], grid, power, k, radius, minPoints), out[e]);
        }
    }

    @ParameterizedTest(name = "k {0}, radius {1}")
    @CsvSource({"12, Infinity", "4, 1200", "30, 3000"})
    void fineGridWhereCellsShareNeighboursEqualsBruteForce(int k, double radius) {
        // cells far smaller than the sample spacing: rows reuse one neighbour search over many cells
        double[][] xy = clustered(150, 19);
        SplittableRandom r = new SplittableRandom(23);
        double[][] values = new double[2][150];
        for (int i = 0; i < 150; i++) {
            values[0][i] = r.nextDouble(1, 100);
            values[1][i] = i == 40 ? Double.NaN : r.nextDouble(1, 100);
        }
        GridGeometry grid = new GridGeometry(CRS, -300, 8_300, 20, 20, 540, 430);
        IdwParameters p = IdwParameters.builder().optNeighbours(k).optRadius(radius).build();
        float[][] out = new IdwInterpolator(p).interpolate(xy[0], xy[1], values, grid, null,
                ProgressListener.NONE, Cancellation.none());
        for (int e = 0; e < 2; e++) {
            assertClose(bruteForce(xy[0], xy[1], values[e], grid, 2, k, radius, 1), out[e]);
        }
    }

    @Test
    void cellOnASampleTakesItsValue() {
        double[] x = {50, 150, 250};
        double[] y = {50, 50, 50};
        double[][] v = {{1, 2, 3}};
        GridGeometry grid = new GridGeometry(CRS, 0, 100, 100, 100, 3, 1);
        float[] out = new IdwInterpolator(IdwParameters.builder().build())
                .interpolate(x, y, v, grid, null, ProgressListener.NONE, Cancellation.none())[0];
        assertArrayEquals(new float[] {1, 2, 3}, out);
    }

    /** All samples at one place (or a single sample) once sent the neighbour search into an endless ring loop. */
    @Test
    void samplesAtOneLocationGiveTheirValueEverywhereAndFinish() {
        double[] x = {500_000, 500_000};
        double[] y = {2_500_000, 2_500_000};
        GridGeometry grid = new GridGeometry(CRS, 495_000, 2_505_000, 100, 100, 100, 100);
        float[] out = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new IdwInterpolator(
                IdwParameters.builder().build()).interpolate(x, y, new double[][] {{4, 4}}, grid, null,
                ProgressListener.NONE, Cancellation.none())[0]);
        for (float v : out) {
            assertEquals(4f, v);
        }
        float[] single = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new IdwInterpolator(
                IdwParameters.builder().build()).interpolate(new double[] {1e7}, new double[] {-3e6},
                new double[][] {{2}}, grid, null, ProgressListener.NONE, Cancellation.none())[0]);
        assertEquals(2f, single[single.length - 1], "a single sample far outside the grid still reaches it");
    }

    @Test
    void handComputedWeights() {
        // cell centre (0.5, 0.5) of a 1-cell grid; samples at distances 0.5 and 1.5 along x
        double[] x = {0, 2};
        double[] y = {0.5, 0.5};
        GridGeometry grid = new GridGeometry(CRS, 0, 1, 1, 1, 1, 1);
        float v = new IdwInterpolator(IdwParameters.builder().build())
                .interpolate(x, y, new double[][] {{10, 20}}, grid, null, ProgressListener.NONE,
                        Cancellation.none())[0][0];
        // weights 1/0.25 = 4 and 1/2.25 = 0.444…: (40 + 8.888…) / 4.444… = 11
        assertEquals(11.0, v, 1e-6);
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        double[][] xy = clustered(3000, 3);
        double[][] v = {Arrays.stream(xy[0]).map(Math::sin).toArray()};
        GridGeometry grid = new GridGeometry(CRS, 0, 8_000, 37, 41, 270, 195);
        float[] one = new IdwInterpolator(IdwParameters.builder().optThreads(1).build())
                .interpolate(xy[0], xy[1], v, grid, null, ProgressListener.NONE, Cancellation.none())[0];
        float[] four = new IdwInterpolator(IdwParameters.builder().optThreads(4).build())
                .interpolate(xy[0], xy[1], v, grid, null, ProgressListener.NONE, Cancellation.none())[0];
        assertArrayEquals(one, four);
    }

    @Test
    void maskedCellsAreNoData() {
        double[] x = {1000, 2000, 1500};
        double[] y = {1000, 1000, 2000};
        GridGeometry grid = new GridGeometry(CRS, 0, 3000, 100, 100, 30, 30);
        boolean[] inside = HullMask.inside(x, y, 200, grid);
        float[] out = new IdwInterpolator(IdwParameters.builder().build())
                .interpolate(x, y, new double[][] {{1, 2, 3}}, grid, inside, ProgressListener.NONE,
                        Cancellation.none())[0];
        // corner cell (0, 0) is far from the triangle; the centroid cell is inside
        assertTrue(Float.isNaN(out[0]));
        int centroid = grid.row(1333) * 30 + grid.column(1500);
        assertTrue(!Float.isNaN(out[centroid]));
    }

    @Test
    void progressReachesOneAndCancellationStops() {
        double[][] xy = clustered(500, 5);
        double[][] v = {xy[0].clone()};
        GridGeometry grid = new GridGeometry(CRS, 0, 8_000, 50, 50, 200, 160);
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        new IdwInterpolator(IdwParameters.builder().build()).interpolate(xy[0], xy[1], v, grid, null,
                (f, m) -> last.accumulateAndGet(f, Math::max), Cancellation.none());
        assertEquals(1.0, last.get(), 1e-12);

        Cancellation cancel = new Cancellation();
        assertThrows(CancelledException.class, () -> new IdwInterpolator(IdwParameters.builder().build())
                .interpolate(xy[0], xy[1], v, grid, null, (f, m) -> cancel.cancel(), cancel));
    }

    @Test
    void samplesAllAtOneLocationSpreadTheirMeanOverTheGrid() {
        // three samples at one place: every cell is equally far from all three, so it takes their mean
        double[] x = {500, 500, 500};
        double[] y = {500, 500, 500};
        GridGeometry grid = new GridGeometry(CRS, 0, 1000, 100, 100, 10, 10);
        float[] out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new IdwInterpolator(
                IdwParameters.builder().build()).interpolate(x, y, new double[][] {{1, 2, 6}}, grid, null,
                ProgressListener.NONE, Cancellation.none()))[0];
        float[] three = new float[100];
        Arrays.fill(three, 3);
        assertArrayEquals(three, out, 1e-6f);
    }

    @Test
    void cellsFarFromATinyClusterEqualBruteForce() {
        // a millimetre-wide cluster seen from 10,000 km: more buckets away than an int counts
        double[] x = {0, 0.001, 0.0005, 0.0002, 0.0009};
        double[] y = {0, 0.001, 0.0003, 0.0008, 0.0001};
        double[] v = {1, 2, 3, 4, 5};
        GridGeometry grid = new GridGeometry(CRS, 1e7, 1e7, 1000, 1000, 3, 2);
        IdwParameters p = IdwParameters.builder().optNeighbours(3).build();
        float[] out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new IdwInterpolator(p)
                .interpolate(x, y, new double[][] {v}, grid, null, ProgressListener.NONE, Cancellation.none()))[0];
        assertClose(bruteForce(x, y, v, grid, 2, 3, Double.POSITIVE_INFINITY, 1), out);
    }

    @Test
    void cancellationStopsWithinALongRow() throws InterruptedException {
        // one row of 20 million cells, each with a search of its own (fewer than k samples within the radius):
        // polling between rows alone would notice only after the whole grid, seconds later
        double[][] xy = clustered(2000, 13);
        double[][] v = {xy[0].clone()};
        GridGeometry grid = new GridGeometry(CRS, 0, 4_000, 10_000.0 / 20_000_000, 1, 20_000_000, 1);
        IdwParameters p = IdwParameters.builder().optNeighbours(50).optRadius(300).optThreads(1).build();
        Cancellation cancel = new Cancellation();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            long t0 = System.nanoTime();
            timer.schedule(cancel::cancel, 1, TimeUnit.SECONDS);
            assertThrows(CancelledException.class, () -> new IdwInterpolator(p)
                    .interpolate(xy[0], xy[1], v, grid, null, ProgressListener.NONE, cancel));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 3, "stopped within 2 s of the cancellation, not after " + seconds + " s");
        } finally {
            timer.shutdownNow();
        }
    }
}
