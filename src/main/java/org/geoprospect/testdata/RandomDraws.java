package org.geoprospect.testdata;

import java.util.SplittableRandom;

/**
 * Draws from a {@link SplittableRandom} by formulas fixed here, using {@link StrictMath}: a generated survey must
 * be byte-identical on every JVM, and neither {@code RandomGenerator.nextGaussian()} nor {@link Math} promise that.
 */
final class RandomDraws {
    private RandomDraws() {
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double normal(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // in (0, 1], so the logarithm is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** A uniform draw in [min, max). */
    static double uniform(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Rounds to whole metres, as a GPS-located sample is reported. */
    static double metres(double coordinate) {
        return StrictMath.rint(coordinate);
    }
}
