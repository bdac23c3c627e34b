package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Times training and inference steps of one network on random patches, one step per call, for
 * {@code benchmark train} (which alternates them with Python's): the work a PyTorch user in Python would time
 * (forward, softmax cross-entropy, backward, SGD step with momentum and weight decay, as {@link Trainer} trains),
 * and what {@link Trainer}'s own path adds: cropping and
 * flipping the patches ({@link Augmenter}), copying them into the batch's tensor ({@link PatchBatch}) and counting
 * the correct predictions.
 * <p>
 * Sets the engine's intra-op threads while open (JVM-wide) and restores them on {@link #close()}. Not thread-safe:
 * run nothing else on the engine meanwhile.
 */
public final class TrainingThroughput implements AutoCloseable {
    private static final int CLASSES = 2;
    /** Cells a patch has beyond its crop on each axis, as in {@link TrainingParameters#cpu()} (64 → 56). */
    static final int CROP_MARGIN = 8;

    /**
     * @param architecture the network
     * @param channels     input channels
     * @param inputSize    cells per side of what the network sees (the crop)
     * @param batch        patches per step
     * @param threads      intra-op threads, or 0 for the engine's current setting
     * @param learningRate SGD learning rate
     * @param momentum     SGD momentum
     * @param weightDecay  L2 weight decay
     */
    public record Settings(NetworkArchitecture architecture, int channels, int inputSize, int batch, int threads,
                           double learningRate, double momentum, double weightDecay) {
        public Settings {
            if (channels < 1 || inputSize < 1 || batch < 1 || threads < 0) {
                throw new IllegalArgumentException("channels, input size and batch must be ≥ 1, threads ≥ 0");
            }
        }
    }

    /**
     * One step's cost in seconds.
     *
     * @param wall     wall time
     * @param cpu      CPU time of this process, all its threads (the JVM's own included)
     * @param assembly for a {@link #trainerStep()}, the wall time of cropping, flipping and assembling the batch;
     *                 otherwise 0
     */
    public record Timing(double wall, double cpu, double assembly) {
    }

    private final Settings s;
    private final int threadsBefore;
    private final float[] values;
    private final float[] labels;
    private final Shape shape;
    private final PatchDataset data;
    private final int[] indices;
    private final Augmenter augmenter;
    private final Model model;
    private final ai.djl.training.Trainer trainer;
    private int epoch;

    private TrainingThroughput(Settings s) {
        this.s = s;
        Engine.getInstance().setRandomSeed(7);
        threadsBefore = JniUtils.getNumThreads();
        if (s.threads() > 0) {
            JniUtils.setNumThreads(s.threads());
        }
        NetworkSpec spec = new NetworkSpec(s.architecture(), s.channels(), CLASSES, s.inputSize());
        shape = Networks.inputShape(spec, s.batch());
        Random random = new Random(7);
        values = gaussian(random, (int) shape.size());
        labels = new float[s.batch()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
        }
        data = patches(s, random);
        indices = IntStream.range(0, s.batch()).toArray();
        augmenter = new Augmenter(s.inputSize() + CROP_MARGIN, s.inputSize(), 7);
        Model built = null;
        try {
            built = Networks.newModel(spec);
            trainer = built.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd()
                            .setLearningRateTracker(Tracker.fixed((float) s.learningRate()))
                            .optMomentum((float) s.momentum())
                            .optWeightDecays((float) s.weightDecay())
                            .build()));
        } catch (RuntimeException | Error e) {
            if (built != null) {
                built.close();
            }
            JniUtils.setNumThreads(threadsBefore);
            throw e;
        }
        model = built;
    }

    /** @return a session with the network built and its optimizer ready; close it */
    public static TrainingThroughput open(Settings settings) {
        return new TrainingThroughput(settings);
    }

    /** One training step on a batch already in a tensor: forward, loss, backward, update. */
    public Timing trainStep() {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(values, shape);
            NDArray y = batch.create(labels);
            long[] t0 = now();
            OptimizerStep.take(trainer, x, y);
            return since(t0, 0);
        }
    }

    /** One training step as {@link Trainer} takes it, batch assembly included (timed apart as well). */
    public Timing trainerStep() {
        int e = ++epoch;
        try (NDManager batch = model.getNDManager().newSubManager()) {
            long[] t0 = now();
            NDArray x = PatchBatch.inputs(batch, indices, i -> augmenter.augment(data.patches().get(i), e, i),
                    s.channels(), s.inputSize());
            NDArray y = PatchBatch.labels(batch, data, indices);
            double assembly = (System.nanoTime() - t0[0]) / 1e9;
            PatchBatch.correct(OptimizerStep.take(trainer, x, y).logits(), data, indices);
            return since(t0, assembly);
        }
    }

    /**
     * One forward pass of a batch in inference mode, without gradients.
     *
     * @param freeing as prediction and validation run it ({@link InferencePass}: each intermediate freed once used),
     *                or as {@link ai.djl.nn.Block#forward} alone runs it (every intermediate kept to the batch's end),
     *                to show what freeing saves
     */
    public Timing inferenceStep(boolean freeing) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(values, shape);
            ParameterStore store = new ParameterStore(batch, false);
            long[] t0 = now();
            (freeing ? InferencePass.forward(model.getBlock(), store, new NDList(x))
                    : model.getBlock().forward(store, new NDList(x), false)).singletonOrThrow().toFloatArray();
            return since(t0, 0);
        }
    }

    /** @return trainable values of the network */
    public long parameters() {
        return Networks.trainableParameters(model.getBlock());
    }

    /** @return intra-op threads the engine runs */
    public int threads() {
        return JniUtils.getNumThreads();
    }

    /** @return inter-op threads the engine runs */
    public int interopThreads() {
        return JniUtils.getNumInteropThreads();
    }

    /** @return whether the network's 1×1 convolutions are matrix products here ({@link Networks}) */
    public boolean pointwiseAsProducts() {
        return Networks.pointwiseAsProducts();
    }

    @Override
    public void close() {
        try {
            trainer.close();
            model.close();
        } finally {
            JniUtils.setNumThreads(threadsBefore);
            NativeMemory.release();
        }
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), processCpuNanos()};
    }

    private static Timing since(long[] t0, double assembly) {
        return new Timing((System.nanoTime() - t0[0]) / 1e9, (processCpuNanos() - t0[1]) / 1e9, assembly);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** One batch of random patches with the crop margin of the CPU preset, half of them ore. */
    private static PatchDataset patches(Settings s, Random random) {
        int size = s.inputSize() + CROP_MARGIN;
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < s.batch(); i++) {
            patches.add(new Patch(gaussian(random, s.channels() * size * size), s.channels(), size, i % 2 == 1, 0,
                    0, i, 0));
        }
        int ore = s.batch() / 2;
        int noOre = s.batch() - ore;
        return new PatchDataset(patches, IntStream.range(0, s.channels()).mapToObj(c -> "band" + c).toList(),
                new SpatialBlocks(size, 1, 1), new PatchReport(ore, noOre, noOre, noOre, ore, List.of(), List.of(),
                List.of()));
    }
}
