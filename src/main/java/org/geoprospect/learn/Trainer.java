package org.geoprospect.learn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains the "ore" / "no ore" classifier of Gao et al. §4.2 on the default device of DJL's engine (the CPU unless
 * CUDA works): SGD with momentum and weight decay on softmax cross-entropy, a step learning-rate schedule, each epoch
 * the training patches shuffled and augmented by {@link Augmenter} (random flips and crop), then validated on the
 * centre crops of the validation patches. Keeps the weights of the best epoch — the highest validation AUC, ties
 * going to the lower validation loss — and, with a patience, stops once no epoch has been better for that many
 * epochs.
 * <p>
 * On the CPU, the same data, indices and parameters give the same epochs bit for bit: the engine's random seed (the
 * initial weights), the shuffles and the augmentation all derive from {@link TrainingParameters#seed()}. Setting the
 * engine's seed affects the whole JVM, so do not train in parallel. Stateless; one batch manager per batch.
 */
public final class Trainer {
    private static final int CLASSES = 2;
    /**
     * Smallest rise of the validation AUC that counts as better: AUCs of n⁺ ore and n⁻ no-ore patches differ by at
     * least 1 / (n⁺n⁻), so smaller differences are rounding in the trapezoid sum, not skill.
     */
    private static final double MIN_IMPROVEMENT = 1e-9;

    /**
     * @param data          the patches, all of {@link TrainingParameters#patchSize()} cells
     * @param trainingIdx   the training patches, by index in {@code data}
     * @param validationIdx the validation patches, of both classes
     * @param parameters    how to train
     * @param progress      told after each batch: {@code epoch e/E, batch b/B, loss x}; reaches 1 at the end
     * @param cancellation  polled before each batch
     * @return the model with the weights of the best epoch; close it
     * @throws InvalidInputException if the indices are empty or out of range, the validation patches lack a class,
     *                               or the patches are not of the parameters' patch size
     * @throws org.geoprospect.core.CancelledException if cancelled; the model is closed
     */
    public TrainedModel train(PatchDataset data, int[] trainingIdx, int[] validationIdx, TrainingParameters parameters,
                              ProgressListener progress, Cancellation cancellation) {
        check(data, trainingIdx, validationIdx, parameters);
        Engine.getInstance().setRandomSeed(Long.hashCode(parameters.seed()));
        NetworkSpec spec = new NetworkSpec(parameters.architecture(), data.patches().get(0).channels(), CLASSES,
                parameters.cropSize());
        Model model = Networks.newModel(spec);
        try {
            return new TrainedModel(model, spec,
                    new Run(model, data, trainingIdx, validationIdx, parameters, progress, cancellation).fit());
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        } finally {
            NativeMemory.release(); // the training's peak, kept for reuse batch after batch
        }
    }

    private static void check(PatchDataset data, int[] trainingIdx, int[] validationIdx, TrainingParameters p) {
        if (trainingIdx.length < 2 || validationIdx.length == 0) {
            throw new InvalidInputException("patches", "training needs at least two training patches (batch "
                    + "normalisation needs two per batch) and one validation patch, got " + trainingIdx.length
                    + " and " + validationIdx.length);
        }
        for (int i : concat(trainingIdx, validationIdx)) {
            if (i < 0 || i >= data.patches().size()) {
                throw new InvalidInputException("patches", "patch index " + i + " is not in the dataset of "
                        + data.patches().size() + " patches");
            }
            if (data.patches().get(i).size() != p.patchSize()) {
                throw new InvalidInputException("patchSize", "patch " + i + " has " + data.patches().get(i).size()
                        + " cells per side but the training parameters expect " + p.patchSize() + "; sample the "
                        + "patches with TrainingParameters.patchParameters()");
            }
        }
        long ore = Arrays.stream(validationIdx).filter(i -> data.patches().get(i).ore()).count();
        if (ore == 0 || ore == validationIdx.length) {
            throw new InvalidInputException("patches", "the validation patches must hold both ore and no-ore "
                    + "patches for an AUC, got " + ore + " ore of " + validationIdx.length);
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** One training run: the epoch loop and the best weights so far. */
    private static final class Run {
        private final Model model;
        private final PatchDataset data;
        private final int[] order;
        private final int[] validationIdx;
        private final TrainingParameters p;
        private final ProgressListener progress;
        private final Cancellation cancellation;
        private final Augmenter augmenter;
        private final int channels;
        private final int batches;
        private final SplittableRandom shuffle;
        private final EpochRate rate = new EpochRate();

        Run(Model model, PatchDataset data, int[] trainingIdx, int[] validationIdx, TrainingParameters p,
            ProgressListener progress, Cancellation cancellation) {
            this.model = model;
            this.data = data;
            this.order = trainingIdx.clone();
            this.validationIdx = validationIdx;
            this.p = p;
            this.progress = progress;
            this.cancellation = cancellation;
            this.augmenter = new Augmenter(p.patchSize(), p.cropSize(), p.seed());
            this.channels = data.patches().get(0).channels();
            // a last batch of one patch would fail batch normalisation ("more than 1 value per channel"): the
            // batch before takes it
            int batchCount = (order.length + p.batchSize() - 1) / p.batchSize();
            this.batches = order.length % p.batchSize() == 1 && batchCount > 1 ? batchCount - 1 : batchCount;
            this.shuffle = new SplittableRandom(p.seed());
        }

        TrainingHistory fit() {
            List<EpochMetrics> epochs = new ArrayList<>();
            byte[] bestWeights = null;
            int bestEpoch = 0;
            Validator.Result best = null;
            boolean stoppedEarly = false;
            try (ai.djl.training.Trainer trainer = model.newTrainer(config())) {
                for (int epoch = 1; epoch <= p.epochs(); epoch++) {
                    long start = System.nanoTime();
                    rate.value = (float) p.learningRate(epoch);
                    double[] lossAndAccuracy = trainEpoch(trainer, epoch);
                    Validator.Result v = Validator.validate(model, data, validationIdx, augmenter, p.cropSize(),
                            p.batchSize());
                    epochs.add(new EpochMetrics(epoch, p.learningRate(epoch), lossAndAccuracy[0], lossAndAccuracy[1],
                            v.loss(), v.accuracy(), v.auc(), (System.nanoTime() - start) / 1e9));
                    if (best == null || better(v, best)) {
                        best = v;
                        bestEpoch = epoch;
                        bestWeights = weights(model.getBlock());
                    } else if (p.patience() > 0 && epoch - bestEpoch >= p.patience() && epoch < p.epochs()) {
                        stoppedEarly = true;
                        break;
                    }
                }
            }
            restore(model, bestWeights);
            progress.progress(1, "trained " + epochs.size() + " epochs; best epoch " + bestEpoch
                    + ", validation AUC " + String.format("%.3f", best.auc()));
            return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
        }

        /** A higher AUC, or the same with a lower loss: an AUC of 1 often comes before the classes part well. */
        private static boolean better(Validator.Result v, Validator.Result best) {
            return v.auc() > best.auc() + MIN_IMPROVEMENT
                    || v.auc() >= best.auc() - MIN_IMPROVEMENT && v.loss() < best.loss();
        }

        private DefaultTrainingConfig config() {
            return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(rate)
                            .optMomentum((float) p.momentum())
                            .optWeightDecays((float) p.weightDecay())
                            .build());
        }

        /** One pass over the shuffled training patches; returns the mean loss and the accuracy. */
        private double[] trainEpoch(ai.djl.training.Trainer trainer, int epoch) {
            shuffle(order);
            double lossSum = 0;
            int correct = 0;
            for (int b = 0; b < batches; b++) {
                cancellation.check();
                int[] part = Arrays.copyOfRange(order, b * p.batchSize(),
                        b == batches - 1 ? order.length : (b + 1) * p.batchSize());
                float loss;
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDArray x = PatchBatch.inputs(batch, part,
                            i -> augmenter.augment(data.patches().get(i), epoch, i), channels, p.cropSize());
                    OptimizerStep step = OptimizerStep.take(trainer, x, PatchBatch.labels(batch, data, part));
                    loss = step.loss();
                    correct += PatchBatch.correct(step.logits(), data, part);
                }
                lossSum += (double) loss * part.length;
                progress.progress(((epoch - 1.0) * batches + b + 1) / ((double) p.epochs() * batches),
                        String.format("epoch %d/%d, batch %d/%d, loss %.4f", epoch, p.epochs(), b + 1, batches,
                                loss));
            }
            return new double[] {lossSum / order.length, (double) correct / order.length};
        }

        private void shuffle(int[] values) {
            for (int i = values.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int swap = values[i];
                values[i] = values[j];
                values[j] = swap;
            }
        }
    }

    private static byte[] weights(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new ExecutionFailedException("could not keep the best epoch's weights in memory", e);
        }
        return bytes.toByteArray();
    }

    private static void restore(Model model, byte[] weights) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            model.getBlock().loadParameters(model.getNDManager(), in);
        } catch (IOException | MalformedModelException e) {
            throw new ExecutionFailedException("could not restore the best epoch's weights", e);
        }
    }

    /** The learning rate of the current epoch, whatever the update count: the schedule steps per epoch. */
    private static final class EpochRate implements Tracker {
        private float value;

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
