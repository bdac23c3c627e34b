package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import org.geoprospect.evaluate.Roc;

import java.util.Arrays;

/**
 * Scores validation patches with a model in inference mode, on their centre crops, one batch manager per batch:
 * mean softmax cross-entropy, accuracy, and the AUC of the softmax probability of "ore" (class 1).
 */
final class Validator {
    private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

    /**
     * Loss and accuracy as in {@link EpochMetrics}; the AUC as {@link Roc#auc()}; per patch its logit margin
     * (ore − no ore) and class, for {@link Calibration}.
     */
    record Result(double loss, double accuracy, double auc, double[] margins, boolean[] ore) {
    }

    private Validator() {
    }

    /**
     * @param indices   patches of both classes (checked by the caller)
     * @param augmenter takes the centre crops, of {@code cropSize} cells
     */
    static Result validate(Model model, PatchDataset data, int[] indices, Augmenter augmenter, int cropSize,
                           int batchSize) {
        int channels = data.patches().get(0).channels();
        double[] scores = new double[indices.length];
        double[] margins = new double[indices.length];
        boolean[] ore = new boolean[indices.length];
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < indices.length; from += batchSize) {
            int[] part = Arrays.copyOfRange(indices, from, Math.min(indices.length, from + batchSize));
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = PatchBatch.inputs(batch, part,
                        i -> augmenter.centreCrop(data.patches().get(i).values(), channels), channels, cropSize);
                NDArray logits = InferencePass.forward(model.getBlock(), new ParameterStore(batch, false),
                        new NDList(x)).singletonOrThrow();
                NDArray loss = LOSS.evaluate(new NDList(PatchBatch.labels(batch, data, part)), new NDList(logits));
                lossSum += loss.getFloat() * part.length;
                correct += PatchBatch.correct(logits, data, part);
                float[] probability = logits.softmax(1).get(":, 1").toFloatArray();
                float[] margin = logits.get(":, 1").sub(logits.get(":, 0")).toFloatArray();
                for (int i = 0; i < part.length; i++) {
                    scores[from + i] = probability[i];
                    margins[from + i] = margin[i];
                    ore[from + i] = data.patches().get(part[i]).ore();
                }
            }
        }
        return new Result(lossSum / indices.length, (double) correct / indices.length,
                Roc.of(scores, ore).auc().orElseThrow(), margins, ore);
    }
}
