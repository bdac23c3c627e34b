package org.geoprospect.select;

import org.geoprospect.core.InvalidInputException;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * Scores one element: fits a Gaussian-kernel SVM that separates the element's values at ore (+1) locations from
 * those at no-ore (−1) locations and returns its decision value at each location, larger = more ore-like.
 * <p>
 * <b>Relation to the paper.</b> As we read Gao et al., each element is judged by an SVM whose single feature is
 * the element's value and whose labels are ore/no-ore, through the ROC AUC of the SVM's output. In one dimension
 * the decision function f(v) = Σ αᵢ yᵢ exp(−(v − vᵢ)² / 2σ²) + b is a smooth transform of the value that need not
 * be monotone, so an element whose ore association is a window of values (intermediate values, or both high and
 * low ones) ranks ore above no-ore as well as one that is simply enriched, while the raw values' AUC would be near
 * 0.5. (A linear kernel would give back the raw values' ranking, or its reverse.) Values are first standardised
 * with the mean and standard deviation of all the given values pooled, so that σ is in standard deviations and one
 * σ suits every element; this uses no labels, so it leaks nothing into held-out folds.
 * <p>
 * <b>Why out-of-fold by default.</b> A flexible SVM (small σ, large C) can learn its training labels almost by
 * heart, so the AUC of its in-sample decision values over-states skill, even for an element unrelated to ore. With
 * {@code folds} > 1 each location is scored by a model fitted on the other folds (stratified, so that each holds
 * its share of both classes): the AUC then says how well the element ranks locations the model has not seen,
 * which is what the AUC and its ZAUC significance are meant to measure. {@code folds} = 1 fits and scores the same
 * locations, as the paper apparently does, for comparison.
 * <p>
 * The solver is Smile's pure-Java LASVM. Results are reproducible by {@link SvmParameters#seed()}: before each fit
 * this reseeds Smile's random generator of the calling thread ({@link MathEx#setSeed}), which orders LASVM's
 * passes; a caller's own use of that generator on the same thread is therefore reset. Safe to use from several
 * threads (Smile's generator is per thread).
 */
public final class SvmScorer {
    private final SvmParameters parameters;

    public SvmScorer(SvmParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * @param positives the element's values at the ore locations: finite, at least one (at least {@code folds})
     * @param negatives the element's values at the no-ore locations: likewise
     * @return decision values in the order given, or {@link ElementScores.Undefined} with reason
     *         {@code constant band} when all values are equal
     * @throws InvalidInputException if a value is not finite, or a class has fewer locations than folds
     */
    public ElementScores score(double[] positives, double[] negatives) {
        int n1 = positives.length;
        int n = n1 + negatives.length;
        double[] values = new double[n];
        System.arraycopy(positives, 0, values, 0, n1);
        System.arraycopy(negatives, 0, values, n1, negatives.length);
        check(values, n1, negatives.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            mean += v;
        }
        // compared exactly: the mean of equal values may differ from them in the last bit, giving an sd of ~1e-16
        if (min == max) {
            return new ElementScores.Undefined("constant band");
        }
        mean /= n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / n);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {(values[i] - mean) / sd};
            y[i] = i < n1 ? 1 : -1;
        }
        double[] scores = parameters.folds() == 1 ? inSample(x, y) : outOfFold(x, y, n1);
        double[] scoredPositives = new double[n1];
        double[] scoredNegatives = new double[n - n1];
        System.arraycopy(scores, 0, scoredPositives, 0, n1);
        System.arraycopy(scores, n1, scoredNegatives, 0, n - n1);
        return new ElementScores.Scored(scoredPositives, scoredNegatives);
    }

    private void check(double[] values, int n1, int n2) {
        int least = parameters.folds();
        if (n1 < least || n2 < least) {
            throw new InvalidInputException("folds", least + " fold(s) need at least " + least
                    + " positive and " + least + " negative locations, got " + n1 + " and " + n2
                    + "; use fewer folds or more locations");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("values", "element values at labelled locations must be finite, got "
                        + v + "; label only cells where every band has data");
            }
        }
    }

    private double[] inSample(double[][] x, int[] y) {
        SVM<double[]> model = fit(x, y, 0);
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = model.score(x[i]);
        }
        return scores;
    }

    private double[] outOfFold(double[][] x, int[] y, int n1) {
        int folds = parameters.folds();
        int[] fold = StratifiedFolds.assign(n1, x.length - n1, folds, parameters.seed());
        double[] scores = new double[x.length];
        for (int k = 0; k < folds; k++) {
            int size = 0;
            for (int f : fold) {
                size += f == k ? 0 : 1;
            }
            double[][] trainX = new double[size][];
            int[] trainY = new int[size];
            for (int i = 0, j = 0; i < x.length; i++) {
                if (fold[i] != k) {
                    trainX[j] = x[i];
                    trainY[j++] = y[i];
                }
            }
            SVM<double[]> model = fit(trainX, trainY, k);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == k) {
                    scores[i] = model.score(x[i]);
                }
            }
        }
        return scores;
    }

    private SVM<double[]> fit(double[][] x, int[] y, int fold) {
        MathEx.setSeed(parameters.seed() * 31 + fold);
        return SVM.fit(x, y, new GaussianKernel(parameters.sigma()), parameters.c(), parameters.tolerance());
    }
}
