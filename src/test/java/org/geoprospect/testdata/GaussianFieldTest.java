package org.geoprospect.testdata;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GaussianFieldTest {
    private static final double L = 1000;
    private static final int N = 20000;

    @Test
    void hasZeroMeanAndUnitVariance() {
        GaussianField g = new GaussianField(L, SyntheticSurvey.MODES, new SplittableRandom(1));
        SplittableRandom at = new SplittableRandom(2);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < N; i++) {
            double v = g.value(at.nextDouble() * 100 * L, at.nextDouble() * 100 * L);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / N;
        assertEquals(0, mean, 0.1);
        assertEquals(1, sumSq / N - mean * mean, 0.15);
    }

    @Test
    void correlationFollowsTheGaussianCovariance() {
        GaussianField g = new GaussianField(L, SyntheticSurvey.MODES, new SplittableRandom(3));
        for (double lag : new double[] {0.5 * L, L, 2 * L}) {
            SplittableRandom at = new SplittableRandom(4);
            double[] a = new double[N];
            double[] b = new double[N];
            for (int i = 0; i < N; i++) {
                double x = at.nextDouble() * 100 * L;
                double y = at.nextDouble() * 100 * L;
                double angle = at.nextDouble() * 2 * Math.PI;
                a[i] = g.value(x, y);
                b[i] = g.value(x + lag * Math.cos(angle), y + lag * Math.sin(angle));
            }
            assertEquals(Math.exp(-lag * lag / (2 * L * L)), correlation(a, b), 0.08, "lag " + lag);
        }
    }

    @Test
    void sameRandomSourceGivesTheSameField() {
        GaussianField g1 = new GaussianField(L, 16, new SplittableRandom(5));
        GaussianField g2 = new GaussianField(L, 16, new SplittableRandom(5));
        assertEquals(g1.value(1234.5, 6789.0), g2.value(1234.5, 6789.0));
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
