package org.geoprospect.testdata;

import java.util.SplittableRandom;

/**
 * One realisation of a stationary, zero-mean, unit-variance Gaussian random field with the Gaussian covariance
 * {@code C(h) = exp(−h² / (2ℓ²))}, ℓ the correlation length in metres. It is the sum of M random-phase cosines
 * (random Fourier features): {@code G(x, y) = √(2/M) Σ cos(kₘ·(x, y) + φₘ)}, wave vectors {@code kₘ ~ N(0, I/ℓ²)}
 * (the spectrum of that covariance) and phases {@code φₘ ~ U(0, 2π)}. Each term has variance 1/M, so G has
 * variance 1 and is close to Gaussian for large M; it can be evaluated at any point, without a grid.
 * Immutable and thread-safe.
 */
final class GaussianField {
    private final double[] kx;
    private final double[] ky;
    private final double[] phase;
    private final double amplitude;

    GaussianField(double correlationLength, int modes, SplittableRandom random) {
        kx = new double[modes];
        ky = new double[modes];
        phase = new double[modes];
        for (int m = 0; m < modes; m++) {
            kx[m] = RandomDraws.normal(random) / correlationLength;
            ky[m] = RandomDraws.normal(random) / correlationLength;
            phase[m] = RandomDraws.uniform(random, 0, 2 * StrictMath.PI);
        }
        amplitude = StrictMath.sqrt(2.0 / modes);
    }

    double value(double x, double y) {
        double sum = 0;
        for (int m = 0; m < kx.length; m++) {
            sum += StrictMath.cos(kx[m] * x + ky[m] * y + phase[m]);
        }
        return amplitude * sum;
    }
}
