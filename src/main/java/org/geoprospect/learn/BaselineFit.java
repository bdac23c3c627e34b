package org.geoprospect.learn;

import org.geoprospect.evaluate.Roc;

import java.util.List;

/**
 * Trains a baseline ({@code --network logistic|forest|element}) as one fold's member: fitted in one pass on the
 * training patches' window means (the centre crop the networks validate on), measured on the validation patches
 * as a network's epoch is, and calibrated on them like a network, through its logit.
 */
final class BaselineFit {
    private BaselineFit() {
    }

    static ModelTraining.Fold fit(PatchDataset data, int[] training, int[] validation, TrainingParameters t) {
        long start = System.nanoTime();
        double[][] trainMeans = Baselines.features(data, training, t.cropSize());
        boolean[] trainOre = Baselines.ore(data, training);
        WindowClassifier classifier = Baselines.fit(t.architecture().id(), trainMeans, trainOre, t.seed());
        Validator.Result trained = measure(classifier, trainMeans, trainOre);
        Validator.Result validated = measure(classifier, Baselines.features(data, validation, t.cropSize()),
                Baselines.ore(data, validation));
        EpochMetrics pass = new EpochMetrics(1, Double.NaN, trained.loss(), trained.accuracy(), validated.loss(),
                validated.accuracy(), validated.auc(), (System.nanoTime() - start) / 1e9);
        Calibration calibration = Calibration.fit(validated.margins(), validated.ore());
        NetworkSpec spec = new NetworkSpec(t.architecture(), data.patches().get(0).channels(), 2, t.cropSize());
        return new ModelTraining.Fold(new Ensemble.BaselineMember(classifier, calibration), spec,
                new TrainingHistory(List.of(pass), 1, false), validated);
    }

    /** Cross-entropy, accuracy at 0.5 and AUC of the classifier's probabilities, as {@link Validator} measures. */
    private static Validator.Result measure(WindowClassifier classifier, double[][] means, boolean[] ore) {
        double[] probability = new double[means.length];
        double[] margins = new double[means.length];
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < means.length; i++) {
            margins[i] = classifier.margin(means[i]);
            probability[i] = 1 / (1 + Math.exp(-margins[i]));
            loss -= Math.log(ore[i] ? probability[i] : 1 - probability[i]);
            correct += (probability[i] >= 0.5) == ore[i] ? 1 : 0;
        }
        return new Validator.Result(loss / means.length, (double) correct / means.length,
                Roc.of(probability, ore).auc().orElse(Double.NaN), margins, ore);
    }
}
