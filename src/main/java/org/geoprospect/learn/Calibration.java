package org.geoprospect.learn;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Platt scaling (Platt 1999, with the Newton method of Lin, Lin and Weng 2007): the ore probability becomes
 * σ(a·z + b), where z is the network's logit margin (ore − no ore) and a, b minimise the negative log-likelihood on
 * the validation patches against Platt's smoothed targets ((N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2), which keep a small or
 * separable set from driving a to infinity). It keeps the ranking (AUC, a &gt; 0) and makes a probability of 0.5
 * mean what it says. It generalises temperature scaling (b = 0, a = 1/T): after early stopping on AUC the softmax
 * is often not only over-confident but shifted, so that accuracy at 0.5 can be poor at a good AUC, which a
 * temperature cannot mend. The expected calibration error (ECE, 10 equal-width bins) is reported before and after,
 * on the patches it was fitted on.
 *
 * @param slope     a
 * @param intercept b
 */
public record Calibration(double slope, double intercept, double nllBefore, double nllAfter, double eceBefore,
                          double eceAfter) {
    private static final int BINS = 10;

    /** No calibration: the softmax as it is, for models stored before calibration existed. */
    public static final Calibration NONE = of(1, 0);

    /** @return a calibration as stored, without the diagnostics of its fit (NaN) */
    public static Calibration of(double slope, double intercept) {
        return new Calibration(slope, intercept, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A model calibrated by temperature scaling alone (stored before Platt scaling). */
    public static Calibration ofTemperature(double temperature) {
        return of(1 / temperature, 0);
    }

    /**
     * @param validation a manifest's {@code validation} (may be null)
     * @return the calibration recorded there: Platt's, a temperature (models stored before Platt), or none (older)
     */
    public static Calibration stored(Map<String, Object> validation) {
        Object stored = validation == null ? null : validation.get("calibration");
        if (stored instanceof Map<?, ?> c && c.get("slope") instanceof Number a
                && c.get("intercept") instanceof Number b) {
            return of(a.doubleValue(), b.doubleValue());
        }
        if (stored instanceof Map<?, ?> c && c.get("temperature") instanceof Number t) {
            return ofTemperature(t.doubleValue());
        }
        return NONE;
    }

    /**
     * @param margins the logit margins of the validation patches
     * @param ore     their classes
     */
    public static Calibration fit(double[] margins, boolean[] ore) {
        int positives = 0;
        for (boolean o : ore) {
            positives += o ? 1 : 0;
        }
        int negatives = ore.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] target = new double[ore.length];
        for (int i = 0; i < ore.length; i++) {
            target[i] = ore[i] ? hi : lo;
        }
        // Lin, Lin and Weng's start: no slope, the prior log-odds. From a = 1 a network whose margins are large
        // (a loss of 85 on unseen ground) saturates every σ, so the Hessian vanishes and Newton's first step is lost
        double a = 0;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double f = loss(margins, target, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            // gradient and Hessian of the cross-entropy in (a, b); a tiny ridge keeps the Hessian invertible
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < margins.length; i++) {
                double p = sigmoid(a * margins[i] + b);
                double d = p - target[i];
                double w = p * (1 - p);
                ga += d * margins[i];
                gb += d;
                haa += w * margins[i] * margins[i];
                hab += w * margins[i];
                hbb += w;
            }
            if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double step = 1;
            double next = loss(margins, target, a + da, b + db);
            while (next > f + 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
                step /= 2;
                next = loss(margins, target, a + step * da, b + step * db);
            }
            if (step <= 1e-10) {
                break;
            }
            a += step * da;
            b += step * db;
            f = next;
        }
        if (!(a > 0)) {
            // a ranking the network got backwards on these patches is not one calibration should flip: no slope, and
            // the intercept that is best without one (the fitted one went with the negative slope), the ore share
            a = 1e-6;
            double share = Arrays.stream(target).average().orElseThrow();
            b = Math.log(share / (1 - share));
        }
        return new Calibration(a, b, nll(margins, ore, 1, 0), nll(margins, ore, a, b), ece(margins, ore, 1, 0),
                ece(margins, ore, a, b));
    }

    /** The calibrated probability of ore for a logit margin. */
    public double probability(double margin) {
        return sigmoid(slope * margin + intercept);
    }

    /** Cross-entropy against soft targets, without overflow. */
    private static double loss(double[] margins, double[] target, double a, double b) {
        double sum = 0;
        for (int i = 0; i < margins.length; i++) {
            double z = a * margins[i] + b;
            // −t log σ(z) − (1 − t) log(1 − σ(z)) = log(1 + e^z) − t z
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += softplus - target[i] * z;
        }
        return sum / margins.length;
    }

    static double nll(double[] margins, boolean[] ore, double a, double b) {
        double[] target = new double[ore.length];
        for (int i = 0; i < ore.length; i++) {
            target[i] = ore[i] ? 1 : 0;
        }
        return loss(margins, target, a, b);
    }

    /** Expected calibration error: the patch-weighted gap between mean probability and ore share per bin. */
    static double ece(double[] margins, boolean[] ore, double a, double b) {
        double[][] bins = bins(margins, ore, a, b);
        double ece = 0;
        for (int bin = 0; bin < BINS; bin++) {
            ece += Math.abs(bins[0][bin] - bins[1][bin]) / margins.length;
        }
        return ece;
    }

    /**
     * The reliability diagram's points: per non-empty bin of predicted probability (10 equal-width bins), the
     * bin's mean probability and the share of ore among its patches.
     *
     * @return {x, y}
     */
    static double[][] reliability(double[] margins, boolean[] ore, double a, double b) {
        double[][] bins = bins(margins, ore, a, b);
        int[] filled = IntStream.range(0, BINS).filter(i -> bins[2][i] > 0).toArray();
        return new double[][] {Arrays.stream(filled).mapToDouble(i -> bins[0][i] / bins[2][i]).toArray(),
                Arrays.stream(filled).mapToDouble(i -> bins[1][i] / bins[2][i]).toArray()};
    }

    /** Per bin of predicted probability: the sum of probabilities, the count of ore, the count of patches. */
    private static double[][] bins(double[] margins, boolean[] ore, double a, double b) {
        double[][] bins = new double[3][BINS];
        for (int i = 0; i < margins.length; i++) {
            double p = sigmoid(a * margins[i] + b);
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
