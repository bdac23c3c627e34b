package org.geoprospect.testdata;

import org.geoprospect.grid.Extent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Places the structures and the deposits along them, so that deposits have a geological pattern to learn.
 * <ul>
 *   <li>A structure passes through a uniform point of the central 60 % of the extent with azimuth
 *   {@code 45° + 20°·Z} (Z standard normal): north-east trending, like the fault zones of the paper's area.</li>
 *   <li>A deposit lies, with probability {@value #ON_STRUCTURE}, on a structure chosen uniformly: at a uniform
 *   position along the line, offset across it by {@code N(0, }{@value #ACROSS_SD}{@code  m)}; otherwise uniform.
 *   Either way it lies at least {@value #MARGIN} m inside the extent (drawn again until it does).</li>
 *   <li>Its halo radius is uniform in [rMin, rMax], its strength uniform in
 *   [{@value #STRENGTH_MIN}, {@value #STRENGTH_MAX}]; a random {@code knownFraction} of the deposits (rounded)
 *   are known.</li>
 * </ul>
 */
final class DepositPlacement {
    static final double ON_STRUCTURE = 0.8;
    static final double ACROSS_SD = 400;
    static final double MARGIN = 500;
    static final double STRENGTH_MIN = 0.6;
    static final double STRENGTH_MAX = 1.4;
    static final double MEAN_AZIMUTH = 45;
    static final double AZIMUTH_SD = 20;

    private DepositPlacement() {
    }

    static List<Structure> structures(Extent extent, int count, SplittableRandom random) {
        List<Structure> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            double x = RandomDraws.uniform(random, extent.minX() + 0.2 * extent.width(),
                    extent.maxX() - 0.2 * extent.width());
            double y = RandomDraws.uniform(random, extent.minY() + 0.2 * extent.height(),
                    extent.maxY() - 0.2 * extent.height());
            double azimuth = Math.floorMod(Math.round(10 * (MEAN_AZIMUTH + AZIMUTH_SD * RandomDraws.normal(random))),
                    1800) / 10.0;
            out.add(new Structure(i, RandomDraws.metres(x), RandomDraws.metres(y), azimuth));
        }
        return out;
    }

    static List<Deposit> deposits(Extent extent, List<Structure> structures, int count, double knownFraction,
                                  double radiusMin, double radiusMax, SplittableRandom random) {
        Extent inner = extent.expandBy(-MARGIN);
        boolean[] known = knownFlags(count, knownFraction, random);
        List<Deposit> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int structure = !structures.isEmpty() && random.nextDouble() < ON_STRUCTURE
                    ? 1 + random.nextInt(structures.size()) : 0;
            double[] xy = structure == 0 ? uniform(inner, random) : along(structures.get(structure - 1), inner, random);
            double radius = Math.rint(RandomDraws.uniform(random, radiusMin, radiusMax));
            double strength = Math.rint(100 * RandomDraws.uniform(random, STRENGTH_MIN, STRENGTH_MAX)) / 100;
            int id = i + 1;
            out.add(new Deposit(id, String.format(Locale.ROOT, "SYN-%02d", id), xy[0], xy[1], status(strength),
                    known[i], radius, strength, structure));
        }
        return out;
    }

    private static boolean[] knownFlags(int count, double knownFraction, SplittableRandom random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] known = new boolean[count];
        long knownCount = Math.round(knownFraction * count);
        for (int i = 0; i < knownCount; i++) {
            known[order[i]] = true;
        }
        return known;
    }

    private static double[] uniform(Extent inner, SplittableRandom random) {
        return new double[] {
                RandomDraws.metres(RandomDraws.uniform(random, inner.minX(), inner.maxX())),
                RandomDraws.metres(RandomDraws.uniform(random, inner.minY(), inner.maxY()))};
    }

    private static double[] along(Structure s, Extent inner, SplittableRandom random) {
        double a = StrictMath.toRadians(s.azimuth());
        double ux = StrictMath.sin(a);
        double uy = StrictMath.cos(a);
        double reach = Math.hypot(inner.width(), inner.height());
        while (true) {
            double t = RandomDraws.uniform(random, -reach, reach);
            double n = ACROSS_SD * RandomDraws.normal(random);
            double x = RandomDraws.metres(s.x() + t * ux + n * uy);
            double y = RandomDraws.metres(s.y() + t * uy - n * ux);
            if (inner.contains(x, y)) {
                return new double[] {x, y};
            }
        }
    }

    private static String status(double strength) {
        return strength > 1.15 ? "mine" : strength > 0.85 ? "prospect" : "occurrence";
    }
}
