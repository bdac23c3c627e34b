package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Times training and inference of one network on random patches, for {@code benchmark train}: the same work a
 * PyTorch user in Python would time (forward, softmax cross-entropy, backward, SGD step with momentum and weight
 * decay, under {@link OneDnn#forTraining} as {@link Trainer} trains), and besides it what {@link Trainer}'s own path
 * adds: cropping and flipping the patches ({@link Augmenter}), copying them into the batch's tensor
 * ({@link PatchBatch}) and counting the correct predictions. Warm-up steps are run first and not timed.
 * <p>
 * Sets the engine's intra-op threads for the measurement (JVM-wide) and restores them after. Not thread-safe: run
 * nothing else on the engine meanwhile.
 */
public final class TrainingThroughput {
    private static final int CLASSES = 2;
    /** Cells a patch has beyond its crop on each axis, as in {@link TrainingParameters#cpu()} (64 → 56). */
    private static final int CROP_MARGIN = 8;

    private TrainingThroughput() {
    }

    /**
     * @param architecture   the network
     * @param channels       input channels
     * @param inputSize      cells per side of what the network sees (the crop)
     * @param batch          patches per step
     * @param warmup         untimed steps before each timed series
     * @param steps          timed steps of each series, at least 1
     * @param threads        intra-op threads, or 0 for the engine's current setting
     * @param learningRate   SGD learning rate
     * @param momentum       SGD momentum
     * @param weightDecay    L2 weight decay
     */
    public record Settings(NetworkArchitecture architecture, int channels, int inputSize, int batch, int warmup,
                           int steps, int threads, double learningRate, double momentum, double weightDecay) {
        public Settings {
            if (channels < 1 || inputSize < 1 || batch < 1 || warmup < 0 || steps < 1 || threads < 0) {
                throw new IllegalArgumentException("channels, input size, batch and steps must be ≥ 1, warm-up "
                        + "and threads ≥ 0");
            }
        }
    }

    /**
     * Wall times in seconds, one per timed step.
     *
     * @param parameters       trainable values of the network
     * @param threads          intra-op threads the engine used
     * @param interopThreads   inter-op threads the engine used
     * @param oneDnnOff        why oneDNN's convolutions were off during training, or null when they were on
     * @param trainSteps       training steps on a batch already in a tensor: forward, loss, backward, update
     * @param trainerSteps     the same steps as {@link Trainer} takes them: crop and flip, batch assembly, labels,
     *                         forward, loss, backward, counting correct predictions, update
     * @param assembly         the part of each trainer step spent cropping, flipping and assembling the batch
     * @param inferenceBatches forward passes of a batch in inference mode
     */
    public record Result(long parameters, int threads, int interopThreads, String oneDnnOff,
                         List<Double> trainSteps, List<Double> trainerSteps, List<Double> assembly,
                         List<Double> inferenceBatches) {
    }

    /** Runs the three timed series; see {@link Result}. */
    public static Result measure(Settings s) {
        Engine.getInstance().setRandomSeed(7);
        int before = JniUtils.getNumThreads();
        if (s.threads() > 0) {
            JniUtils.setNumThreads(s.threads());
        }
        try {
            return run(s);
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private static Result run(Settings s) {
        NetworkSpec spec = new NetworkSpec(s.architecture(), s.channels(), CLASSES, s.inputSize());
        Shape shape = Networks.inputShape(spec, s.batch());
        Random random = new Random(7);
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        float[] labels = new float[s.batch()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
        }
        PatchDataset data = patches(s, random);
        int[] indices = IntStream.range(0, s.batch()).toArray();
        Augmenter augmenter = new Augmenter(s.inputSize() + CROP_MARGIN, s.inputSize(), 7);
        String oneDnnOff = s.architecture().hasPointwiseConvolutions()
                ? OneDnn.trainingHazard().orElse(null) : null;
        try (Model model = Networks.newModel(spec);
             OneDnn.Guard oneDnn = OneDnn.forTraining(s.architecture());
             ai.djl.training.Trainer trainer = model.newTrainer(new DefaultTrainingConfig(
                     Loss.softmaxCrossEntropyLoss()).optOptimizer(Optimizer.sgd()
                     .setLearningRateTracker(Tracker.fixed((float) s.learningRate()))
                     .optMomentum((float) s.momentum())
                     .optWeightDecays((float) s.weightDecay())
                     .build()))) {
            List<Double> train = new ArrayList<>();
            for (int step = -s.warmup(); step < s.steps(); step++) {
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDArray x = batch.create(values, shape);
                    NDArray y = batch.create(labels);
                    long t0 = System.nanoTime();
                    takeStep(trainer, x, y);
                    record(train, step, t0);
                }
            }
            List<Double> trainerPath = new ArrayList<>();
            List<Double> assembly = new ArrayList<>();
            for (int step = -s.warmup(); step < s.steps(); step++) {
                int epoch = step + s.warmup() + 1;
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray x = PatchBatch.inputs(batch, indices,
                            i -> augmenter.augment(data.patches().get(i), epoch, i), s.channels(), s.inputSize());
                    NDArray y = PatchBatch.labels(batch, data, indices);
                    record(assembly, step, t0);
                    NDArray logits = takeStep(trainer, x, y);
                    PatchBatch.correct(logits, data, indices);
                    record(trainerPath, step, t0);
                }
            }
            List<Double> inference = new ArrayList<>();
            for (int step = -s.warmup(); step < s.steps(); step++) {
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDArray x = batch.create(values, shape);
                    long t0 = System.nanoTime();
                    model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), false)
                            .singletonOrThrow().toFloatArray();
                    record(inference, step, t0);
                }
            }
            return new Result(Networks.trainableParameters(model.getBlock()), JniUtils.getNumThreads(),
                    JniUtils.getNumInteropThreads(), oneDnnOff, train, trainerPath, assembly, inference);
        }
    }

    /** Forward, loss, backward (reading the loss, as {@link Trainer} does), update; returns the logits. */
    private static NDArray takeStep(ai.djl.training.Trainer trainer, NDArray x, NDArray y) {
        NDArray logits;
        try (GradientTurn turn = GradientTurn.take();
             GradientCollector collector = trainer.newGradientCollector()) {
            logits = trainer.forward(new NDList(x)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
            collector.backward(loss);
            loss.getFloat();
        }
        trainer.step();
        return logits;
    }

    private static void record(List<Double> seconds, int step, long t0) {
        if (step >= 0) {
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
    }

    /** One batch of random patches with the crop margin of the CPU preset, half of them ore. */
    private static PatchDataset patches(Settings s, Random random) {
        int size = s.inputSize() + CROP_MARGIN;
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < s.batch(); i++) {
            float[] v = new float[s.channels() * size * size];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) random.nextGaussian();
            }
            patches.add(new Patch(v, s.channels(), size, i % 2 == 1, 0, 0, i, 0));
        }
        int ore = s.batch() / 2;
        return new PatchDataset(patches, IntStream.range(0, s.channels()).mapToObj(c -> "band" + c).toList(),
                new SpatialBlocks(size, 1, 1), new PatchReport(ore, s.batch() - ore, s.batch() - ore,
                s.batch() - ore, ore, List.of(), List.of(), List.of()));
    }
}
