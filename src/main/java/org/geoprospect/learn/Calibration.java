package org.geoprospect.learn;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Temperature scaling (Guo et al. 2017, "On calibration of modern neural networks"): the ore probability becomes
 * σ(z / T), where z is the network's logit margin (ore − no ore), and T is the one number that minimises the
 * negative log-likelihood on the validation patches. It keeps the ranking (AUC) and makes a probability of 0.5
 * mean what it says; early stopping on AUC otherwise leaves the softmax badly calibrated. The expected calibration
 * error (ECE, 10 equal-width bins) is reported before and after.
 *
 * @param temperature T, in [{@value #MIN_T}, {@value #MAX_T}]
 */
public record Calibration(double temperature, double nllBefore, double nllAfter, double eceBefore,
                          double eceAfter) {
    static final double MIN_T = 0.05;
    static final double MAX_T = 50;
    private static final int BINS = 10;

    /** No calibration: T = 1, for models stored before calibration existed. */
    public static final Calibration NONE = new Calibration(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * @param margins the logit margins of the validation patches
     * @param ore     their classes
     */
    public static Calibration fit(double[] margins, boolean[] ore) {
        // golden-section search over log T: the NLL is unimodal in T for a fixed set of margins
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = nll(margins, ore, Math.exp(a));
        double fb = nll(margins, ore, Math.exp(b));
        for (int i = 0; i < 80; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(margins, ore, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(margins, ore, Math.exp(b));
            }
        }
        double t = Math.exp((lo + hi) / 2);
        return new Calibration(t, nll(margins, ore, 1), nll(margins, ore, t), ece(margins, ore, 1),
                ece(margins, ore, t));
    }

    /** The calibrated probability of ore for a logit margin. */
    public double probability(double margin) {
        return sigmoid(margin / temperature);
    }

    static double nll(double[] margins, boolean[] ore, double t) {
        double sum = 0;
        for (int i = 0; i < margins.length; i++) {
            double z = margins[i] / t;
            // −log σ(z) = log(1 + e^−z), computed without overflow
            double signed = ore[i] ? z : -z;
            sum += signed > 0 ? Math.log1p(Math.exp(-signed)) : -signed + Math.log1p(Math.exp(signed));
        }
        return sum / margins.length;
    }

    /** Expected calibration error: the patch-weighted gap between mean probability and ore share per bin. */
    static double ece(double[] margins, boolean[] ore, double t) {
        double[][] bins = bins(margins, ore, t);
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            ece += Math.abs(bins[0][b] - bins[1][b]) / margins.length;
        }
        return ece;
    }

    /**
     * The reliability diagram's points: per non-empty bin of predicted probability (10 equal-width bins), the
     * bin's mean probability and the share of ore among its patches.
     *
     * @return {x, y}
     */
    static double[][] reliability(double[] margins, boolean[] ore, double t) {
        double[][] bins = bins(margins, ore, t);
        int[] filled = IntStream.range(0, BINS).filter(b -> bins[2][b] > 0).toArray();
        return new double[][] {Arrays.stream(filled).mapToDouble(b -> bins[0][b] / bins[2][b]).toArray(),
                Arrays.stream(filled).mapToDouble(b -> bins[1][b] / bins[2][b]).toArray()};
    }

    /** Per bin of predicted probability: the sum of probabilities, the count of ore, the count of patches. */
    private static double[][] bins(double[] margins, boolean[] ore, double t) {
        double[][] bins = new double[3][BINS];
        for (int i = 0; i < margins.length; i++) {
            double p = sigmoid(margins[i] / t);
            int bin = Math.min(BINS - 1, (int) (p * BINS));
            bins[0][bin] += p;
            bins[1][bin] += ore[i] ? 1 : 0;
            bins[2][bin]++;
        }
        return bins;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
