package org.geoprospect.select;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvmScorerTest {

    private static double[] draw(int n, DoubleSupplier value) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value.getAsDouble();
        }
        return v;
    }

    private static ElementScores.Scored scored(SvmParameters parameters, double[] positives, double[] negatives) {
        return assertInstanceOf(ElementScores.Scored.class, new SvmScorer(parameters).score(positives, negatives));
    }

    private static double auc(ElementScores.Scored s) {
        return RankAuc.of(s.positives(), s.negatives());
    }

    /** Φ(z) by Simpson's rule over the standard normal density from −10 (the tail below is < 1e-22). */
    private static double normalCdf(double z) {
        int steps = 20_000;
        double h = (z + 10) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double t = -10 + i * h;
            double w = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += w * Math.exp(-t * t / 2);
        }
        return sum * h / 3 / Math.sqrt(2 * Math.PI);
    }

    @Test
    void outOfFoldAucOfAShiftedGaussianMatchesTheory() {
        SplittableRandom r = new SplittableRandom(11);
        double[] ore = draw(200, () -> 2 + r.nextGaussian());
        double[] barren = draw(200, r::nextGaussian);
        // X − Y ~ N(2, 2) for X ~ N(2, 1), Y ~ N(0, 1): AUC = P(X > Y) = Φ(2/√2)
        double theory = normalCdf(2 / Math.sqrt(2));
        assertEquals(0.9214, theory, 1e-4);

        double auc = auc(scored(SvmParameters.builder().optSeed(3).build(), ore, barren));

        assertEquals(theory, auc, 0.05, "out-of-fold AUC " + auc + " vs theory " + theory);
    }

    @Test
    void withoutSignalOutOfFoldAucStaysNearHalfWhileInSampleAucIsInflated() {
        SplittableRandom r = new SplittableRandom(1);
        double[] ore = draw(200, r::nextGaussian);
        double[] barren = draw(200, r::nextGaussian);
        // a flexible SVM: narrow kernel, little slack, so it can learn the training labels by heart
        SvmParameters.Builder flexible = SvmParameters.builder().optSigma(0.05).optC(100).optSeed(1);

        double outOfFold = auc(scored(flexible.optFolds(5).build(), ore, barren));
        double inSample = auc(scored(flexible.optFolds(1).build(), ore, barren));

        System.out.printf("no signal, sigma 0.05, C 100: out-of-fold AUC %.3f, in-sample AUC %.3f%n",
                outOfFold, inSample);
        assertEquals(0.5, outOfFold, 0.1);
        assertTrue(inSample > 0.65, "in-sample AUC " + inSample);
        assertTrue(inSample - outOfFold > 0.1, "in-sample " + inSample + " vs out-of-fold " + outOfFold);
    }

    @Test
    void gaussianKernelSeparatesOreInTheMiddleOfTheRange() {
        SplittableRandom r = new SplittableRandom(5);
        double[] ore = draw(200, () -> 0.5 * r.nextGaussian());
        double[] barren = draw(200, () -> r.nextDouble(-4, 4));
        // ranking by |value| is best here: AUC = 1 − E|X|/4 = 1 − 0.5·√(2/π)/4 ≈ 0.90, but by value ≈ 0.5

        double raw = RankAuc.of(ore, barren);
        double svm = auc(scored(SvmParameters.builder().build(), ore, barren));

        System.out.printf("ore mid-range: raw values' AUC %.3f, SVM out-of-fold AUC %.3f%n", raw, svm);
        assertEquals(0.5, raw, 0.1);
        assertTrue(svm > 0.8, "SVM out-of-fold AUC " + svm);
    }

    @Test
    void constantElementIsUndefinedNotAnError() {
        double[] same = new double[20];
        Arrays.fill(same, 4.2);
        for (int folds : new int[] {1, 5}) {
            ElementScores outcome = new SvmScorer(SvmParameters.builder().optFolds(folds).build())
                    .score(same, same.clone());

            assertEquals(new ElementScores.Undefined("constant band"), outcome);
        }
    }

    @Test
    void sameSeedSameScoresAnotherSeedOtherFolds() {
        SplittableRandom r = new SplittableRandom(7);
        double[] ore = draw(60, () -> 1 + r.nextGaussian());
        double[] barren = draw(60, r::nextGaussian);

        ElementScores.Scored a = scored(SvmParameters.builder().optSeed(42).build(), ore, barren);
        ElementScores.Scored b = scored(SvmParameters.builder().optSeed(42).build(), ore, barren);
        ElementScores.Scored c = scored(SvmParameters.builder().optSeed(43).build(), ore, barren);

        assertArrayEquals(a.positives(), b.positives());
        assertArrayEquals(a.negatives(), b.negatives());
        assertFalse(Arrays.equals(a.positives(), c.positives()), "another seed, other folds, other scores");
    }

    @Test
    void scoresKeepTheOrderOfTheGivenValues() {
        SplittableRandom r = new SplittableRandom(9);
        double[] ore = draw(100, () -> 3 + r.nextGaussian());
        double[] barren = draw(100, r::nextGaussian);
        ElementScores.Scored s = scored(SvmParameters.builder().build(), ore, barren);

        // the larger of two ore values, far into the ore side, must not score lower than the smaller one
        int hi = 0;
        int lo = 0;
        for (int i = 0; i < ore.length; i++) {
            hi = ore[i] > ore[hi] ? i : hi;
            lo = ore[i] < ore[lo] ? i : lo;
        }
        assertEquals(ore.length, s.positives().length);
        assertEquals(barren.length, s.negatives().length);
        assertTrue(s.positives()[lo] < s.positives()[hi]);
    }

    @Test
    void tooFewLocationsForTheFoldsOrNonFiniteValuesAreRejected() {
        SvmScorer scorer = new SvmScorer(SvmParameters.builder().optFolds(5).build());

        InvalidInputException few = assertThrows(InvalidInputException.class,
                () -> scorer.score(new double[] {1, 2, 3}, new double[] {0, 1, 2, 3, 4, 5}));
        assertEquals("folds", few.input());
        assertTrue(few.getMessage().contains("got 3 and 6"), few.getMessage());

        InvalidInputException nan = assertThrows(InvalidInputException.class,
                () -> scorer.score(new double[] {1, 2, 3, 4, Double.NaN}, new double[] {0, 1, 2, 3, 4}));
        assertEquals("values", nan.input());
    }

    @Test
    void parametersSayWhatToChange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SvmParameters.builder().optSigma(0).build());
        assertEquals("sigma", e.input());
        assertEquals("folds", assertThrows(InvalidInputException.class,
                () -> SvmParameters.builder().optFolds(0).build()).input());
        assertEquals("C", assertThrows(InvalidInputException.class,
                () -> SvmParameters.builder().optC(-1).build()).input());
    }

    @Test
    void fitTimesAtTheScalesOfTheMethod() {
        for (int n : new int[] {250, 2_000}) {
            SplittableRandom r = new SplittableRandom(n);
            double[] ore = draw(n / 2, () -> 1.5 + r.nextGaussian());
            double[] barren = draw(n / 2, r::nextGaussian);
            for (int folds : new int[] {1, 5}) {
                long start = System.nanoTime();
                ElementScores.Scored s = scored(SvmParameters.builder().optFolds(folds).build(), ore, barren);
                long ms = (System.nanoTime() - start) / 1_000_000;

                System.out.printf("SVM, %d points, %d fold(s): %d ms, AUC %.3f%n", n, folds, ms, auc(s));
                // Φ(1.5/√2) ≈ 0.856
                assertEquals(0.856, auc(s), 0.06);
            }
        }
    }
}
