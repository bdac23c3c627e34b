package org.geoprospect.learn;

import org.geoprospect.evaluate.Roc;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

import java.util.Properties;
import java.util.stream.LongStream;

/**
 * What a simpler model scores on exactly the CNN's validation patches, so that its AUC means something: the best
 * single element (chosen on the training patches, either sign), a logistic regression and a random forest (Smile)
 * on the elements. Their features are <b>window means</b>: each element's mean over the patch's centre crop, the
 * window the CNN validates on. Deterministic for a seed.
 */
public final class Baselines {
    private static final int TREES = 200;

    private Baselines() {
    }

    /**
     * @param element the chosen element's name, the sign it was used with (+1 higher is ore-like) and its AUC
     */
    public record Result(String element, int sign, double elementAuc, double logisticAuc, double forestAuc) {
    }

    /**
     * @param training   the patches the CNN trained on
     * @param validation the patches it validated on, both classes among them
     */
    public static Result score(PatchDataset data, int[] training, int[] validation, int cropSize, long seed) {
        int channels = data.patches().get(0).channels();
        double[][] train = features(data, training, cropSize);
        double[][] valid = features(data, validation, cropSize);
        boolean[] trainOre = ore(data, training);
        int[] trainLabels = new int[trainOre.length];
        for (int i = 0; i < trainOre.length; i++) {
            trainLabels[i] = trainOre[i] ? 1 : 0;
        }
        boolean[] validOre = ore(data, validation);

        int best = 0;
        int bestSign = 1;
        double bestAuc = -1;
        for (int c = 0; c < channels; c++) {
            double auc = auc(column(train, c), trainOre);
            double signed = Math.max(auc, 1 - auc);
            if (signed > bestAuc) {
                bestAuc = signed;
                best = c;
                bestSign = auc >= 0.5 ? 1 : -1;
            }
        }
        double[] elementScores = column(valid, best);
        for (int i = 0; i < elementScores.length; i++) {
            elementScores[i] *= bestSign;
        }

        Properties logisticOptions = new Properties();
        logisticOptions.setProperty("smile.logistic.lambda", "0.01");
        LogisticRegression logistic = LogisticRegression.fit(train, trainLabels, logisticOptions);
        double[] logisticScores = new double[valid.length];
        double[] posteriori = new double[2];
        for (int i = 0; i < valid.length; i++) {
            logistic.predict(valid[i], posteriori);
            logisticScores[i] = posteriori[1];
        }

        String[] names = new String[channels];
        for (int c = 0; c < channels; c++) {
            names[c] = "e" + c;
        }
        DataFrame frame = DataFrame.of(train, names).merge(IntVector.of("ore", trainLabels));
        RandomForest forest = RandomForest.fit(Formula.lhs("ore"), frame, TREES, Math.max(1, (int) Math.sqrt(channels)),
                smile.base.cart.SplitRule.GINI, 20, 100, 2, 1.0, null, LongStream.range(seed, seed + TREES));
        DataFrame validFrame = DataFrame.of(valid, names);
        double[] forestScores = new double[valid.length];
        for (int i = 0; i < valid.length; i++) {
            forest.predict(validFrame.get(i), posteriori);
            forestScores[i] = posteriori[1];
        }
        return new Result(data.elements().get(best), bestSign, auc(elementScores, validOre),
                auc(logisticScores, validOre), auc(forestScores, validOre));
    }

    /** Per patch, each element's mean over the centre crop. */
    private static double[][] features(PatchDataset data, int[] indices, int cropSize) {
        double[][] x = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            Patch p = data.patches().get(indices[i]);
            int offset = (p.size() - cropSize) / 2;
            double[] means = new double[p.channels()];
            for (int c = 0; c < p.channels(); c++) {
                double sum = 0;
                for (int r = offset; r < offset + cropSize; r++) {
                    for (int col = offset; col < offset + cropSize; col++) {
                        sum += p.value(c, r, col);
                    }
                }
                means[c] = sum / ((double) cropSize * cropSize);
            }
            x[i] = means;
        }
        return x;
    }

    private static boolean[] ore(PatchDataset data, int[] indices) {
        boolean[] ore = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            ore[i] = data.patches().get(indices[i]).ore();
        }
        return ore;
    }

    private static double[] column(double[][] x, int c) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][c];
        }
        return v;
    }

    private static double auc(double[] scores, boolean[] ore) {
        return Roc.of(scores, ore).auc().orElse(Double.NaN);
    }
}
