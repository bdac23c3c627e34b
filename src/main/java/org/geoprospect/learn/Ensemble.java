package org.geoprospect.learn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A stored model as prediction uses it: one member per spatial fold, each trained without its fold's validation
 * blocks and calibrated on them ({@link Calibration}). Prediction averages the members' calibrated probabilities;
 * their standard deviation says how much the call depends on which ground the model was trained on. Models stored
 * before ensembles have one member. Holds native memory: closing closes every member's network.
 */
public final class Ensemble implements AutoCloseable {
    /** One fold's model and the calibration fitted on that fold's validation patches. */
    public interface Member extends AutoCloseable {
        Calibration calibration();

        /**
         * @param batch   the manager of this batch's arrays
         * @param windows windows of the element grids, (count, channels, size, size), in the model's channel order
         * @return per window, the calibrated probability of ore
         */
        float[] oreProbability(NDManager batch, NDArray windows);

        /** Writes the member into a model's folder, its files' names starting with {@code file}. */
        void save(Path folder, String file) throws IOException;

        /** @return its estimated memory in bytes */
        long bytes();

        @Override
        void close();
    }

    /**
     * @param model       a network built by {@link Networks#newModel(NetworkSpec)}, on its device
     * @param calibration its calibration
     */
    public record NetworkMember(Model model, Calibration calibration) implements Member {
        @Override
        public float[] oreProbability(NDManager batch, NDArray windows) {
            NDArray logits = InferencePass.forward(model.getBlock(), new ParameterStore(batch, false),
                    new NDList(windows)).singletonOrThrow();
            NDArray margin = logits.get(":, 1").sub(logits.get(":, 0"));
            return Activation.sigmoid(margin.mul(calibration.slope()).add(calibration.intercept())).toFloatArray();
        }

        @Override
        public void save(Path folder, String file) throws IOException {
            model.save(folder, file);
        }

        @Override
        public long bytes() {
            return ModelCache.sizeOf(model);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * A baseline ({@link WindowClassifier}) on the windows' element means, its probability turned back into a margin
     * (logit) so that it is calibrated like a network's.
     *
     * @param classifier  the fitted baseline
     * @param calibration its calibration
     */
    public record BaselineMember(WindowClassifier classifier, Calibration calibration) implements Member {
        @Override
        public float[] oreProbability(NDManager batch, NDArray windows) {
            Shape shape = windows.getShape();
            int count = (int) shape.get(0);
            int channels = (int) shape.get(1);
            int size = (int) shape.get(2);
            int perWindow = channels * size * size;
            float[] values = windows.toFloatArray();
            float[] probability = new float[count];
            for (int i = 0; i < count; i++) {
                double[] means = Baselines.windowMeans(
                        Arrays.copyOfRange(values, i * perWindow, (i + 1) * perWindow), channels, size);
                probability[i] = (float) calibration.probability(classifier.margin(means));
            }
            return probability;
        }

        @Override
        public void save(Path folder, String file) throws IOException {
            WindowClassifiers.write(classifier, folder.resolve(file + BASELINE_FILE));
        }

        /** Not counted: a baseline takes kilobytes, a network megabytes. */
        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public void close() {
            // plain Java objects: nothing native to release
        }
    }

    /** What a stored baseline member's file name ends with. */
    public static final String BASELINE_FILE = ".baseline";

    private final List<Member> members;

    /** @param members the folds' members, fold 1 first; at least one */
    public Ensemble(List<? extends Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        this.members = List.copyOf(members);
    }

    /** @return a one-member ensemble of a network, for models and tests without folds */
    public static Ensemble of(Model model, Calibration calibration) {
        return new Ensemble(List.of(new NetworkMember(model, calibration)));
    }

    /** @return the members, fold 1 first */
    public List<Member> members() {
        return members;
    }

    /** @return the members' estimated memory, as {@link ModelCache#sizeOf} counts it */
    public long bytes() {
        return members.stream().mapToLong(Member::bytes).sum();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Member m : members) {
            try {
                m.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
