package org.geoprospect.testdata;

import org.geoprospect.grid.Extent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the samples are taken: irregular and clustered like a real stream-sediment survey, no minimum spacing.
 * <ul>
 *   <li>{@value #STREAM_FRACTION} of the sites along "streams": random walks from a uniform start with a uniform
 *   heading, steps of {@value #STEP} m, the heading turning by {@code N(0, }{@value #TURN}{@code  rad)} per step;
 *   one sample per step, displaced by {@code N(0, }{@value #JITTER}{@code  m)} on each axis. A stream ends after
 *   {@value #STREAM_STEPS} steps or when it leaves the extent, and the next one starts.</li>
 *   <li>{@value #PATCH_FRACTION} in patches (infill around a uniform centre, {@value #PATCH_SIZE} samples each,
 *   displaced by {@code N(0, }{@value #PATCH_SD}{@code  m)} on each axis).</li>
 *   <li>the rest uniform at random over the extent.</li>
 * </ul>
 * A point that falls outside the extent is drawn again. Coordinates are whole metres.
 */
final class SamplingDesign {
    static final double STREAM_FRACTION = 0.45;
    static final double PATCH_FRACTION = 0.15;
    static final double STEP = 250;
    static final double TURN = 0.35;
    static final double JITTER = 50;
    static final int STREAM_STEPS = 40;
    static final int PATCH_SIZE = 25;
    static final double PATCH_SD = 700;

    private SamplingDesign() {
    }

    /** {@code count} sites as {x, y} pairs: the stream samples first, then the patches, then the uniform ones. */
    static List<double[]> sites(Extent extent, int count, SplittableRandom random) {
        int streamCount = (int) Math.round(STREAM_FRACTION * count);
        int patchCount = (int) Math.round(PATCH_FRACTION * count);
        List<double[]> sites = new ArrayList<>(count);
        streams(extent, streamCount, random, sites);
        patches(extent, patchCount, random, sites);
        while (sites.size() < count) {
            sites.add(near(extent, RandomDraws.uniform(random, extent.minX(), extent.maxX()),
                    RandomDraws.uniform(random, extent.minY(), extent.maxY()), 0, random));
        }
        return sites;
    }

    private static void streams(Extent extent, int count, SplittableRandom random, List<double[]> sites) {
        int end = sites.size() + count;
        while (sites.size() < end) {
            double x = RandomDraws.uniform(random, extent.minX(), extent.maxX());
            double y = RandomDraws.uniform(random, extent.minY(), extent.maxY());
            double heading = RandomDraws.uniform(random, 0, 2 * StrictMath.PI);
            for (int step = 0; step < STREAM_STEPS && extent.contains(x, y) && sites.size() < end; step++) {
                sites.add(near(extent, x, y, JITTER, random));
                heading += TURN * RandomDraws.normal(random);
                x += STEP * StrictMath.sin(heading);
                y += STEP * StrictMath.cos(heading);
            }
        }
    }

    private static void patches(Extent extent, int count, SplittableRandom random, List<double[]> sites) {
        int end = sites.size() + count;
        while (sites.size() < end) {
            double cx = RandomDraws.uniform(random, extent.minX(), extent.maxX());
            double cy = RandomDraws.uniform(random, extent.minY(), extent.maxY());
            for (int i = 0; i < PATCH_SIZE && sites.size() < end; i++) {
                sites.add(near(extent, cx, cy, PATCH_SD, random));
            }
        }
    }

    /** A point displaced from (x, y) by N(0, sd) per axis, drawn again until it is inside the extent. */
    private static double[] near(Extent extent, double x, double y, double sd, SplittableRandom random) {
        while (true) {
            double px = RandomDraws.metres(x + sd * RandomDraws.normal(random));
            double py = RandomDraws.metres(y + sd * RandomDraws.normal(random));
            if (extent.contains(px, py)) {
                return new double[] {px, py};
            }
        }
    }
}
