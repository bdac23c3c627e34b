package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.evaluate.Roc;

import java.util.List;

/**
 * The simpler models the CNN is compared with, and what they score on exactly the CNN's validation patches, so
 * that its AUC means something: the best single element (chosen on the training patches, either sign), a logistic
 * regression and a random forest (Smile) on the elements. Their features are <b>window means</b>: each element's
 * mean over the window the CNN sees, the patch's centre crop in training and validation, the cut window in
 * prediction. Deterministic for a seed.
 */
public final class Baselines {
    /** The baselines by {@link WindowClassifier#kind()}. */
    public static final List<String> KINDS = List.of("element", "logistic", "forest");

    private Baselines() {
    }

    /**
     * @param element the chosen element's name, the sign it was used with (+1 higher is ore-like) and its AUC
     */
    public record Result(String element, int sign, double elementAuc, double logisticAuc, double forestAuc) {
    }

    /**
     * @param kind  one of {@link #KINDS}
     * @param means per window, each element's mean ({@link #features}), both classes among the windows
     * @param ore   per window, its class
     * @param seed  the forest's; the others do not draw
     * @throws InvalidInputException ({@code network}) for another kind
     */
    public static WindowClassifier fit(String kind, double[][] means, boolean[] ore, long seed) {
        return switch (kind) {
            case "element" -> ElementClassifier.fit(means, ore);
            case "logistic" -> LogisticClassifier.fit(means, ore);
            case "forest" -> ForestClassifier.fit(means, ore, seed);
            default -> throw new InvalidInputException("network", "unknown baseline '" + kind + "'; use one of "
                    + String.join(", ", KINDS));
        };
    }

    /**
     * @param training   the patches the CNN trained on
     * @param validation the patches it validated on, both classes among them
     */
    public static Result score(PatchDataset data, int[] training, int[] validation, int cropSize, long seed) {
        double[][] train = features(data, training, cropSize);
        boolean[] trainOre = ore(data, training);
        double[][] valid = features(data, validation, cropSize);
        boolean[] validOre = ore(data, validation);
        ElementClassifier element = ElementClassifier.fit(train, trainOre);
        return new Result(data.elements().get(element.channel()), element.sign(), auc(element, valid, validOre),
                auc(LogisticClassifier.fit(train, trainOre), valid, validOre),
                auc(ForestClassifier.fit(train, trainOre, seed), valid, validOre));
    }

    /** Per patch, each element's mean over its centre crop of cropSize × cropSize cells, the CNN's window. */
    public static double[][] features(PatchDataset data, int[] indices, int cropSize) {
        double[][] x = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            Patch p = data.patches().get(indices[i]);
            x[i] = means(p.values(), p.channels(), p.size(), (p.size() - cropSize) / 2, cropSize);
        }
        return x;
    }

    /**
     * Each element's mean over a whole window as {@link PatchSource#cut} returns it; the same figures as
     * {@link #features} gives for a patch whose centre crop holds these values.
     *
     * @param window channels × size × size values, channel-major, then rows, then columns
     */
    public static double[] windowMeans(float[] window, int channels, int size) {
        if (window.length != channels * size * size) {
            throw new IllegalArgumentException(window.length + " values for " + channels + " channels of " + size
                    + " × " + size + " cells");
        }
        return means(window, channels, size, 0, size);
    }

    /** Per patch, its class. */
    public static boolean[] ore(PatchDataset data, int[] indices) {
        boolean[] ore = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            ore[i] = data.patches().get(indices[i]).ore();
        }
        return ore;
    }

    /** Smile's class labels: 1 ore, 0 no ore. */
    static int[] labels(boolean[] ore) {
        int[] labels = new int[ore.length];
        for (int i = 0; i < ore.length; i++) {
            labels[i] = ore[i] ? 1 : 0;
        }
        return labels;
    }

    /** Each channel's mean over the side × side square at (offset, offset) of a size × size window. */
    private static double[] means(float[] values, int channels, int size, int offset, int side) {
        double[] means = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int r = offset; r < offset + side; r++) {
                for (int q = offset; q < offset + side; q++) {
                    sum += values[(c * size + r) * size + q];
                }
            }
            means[c] = sum / ((double) side * side);
        }
        return means;
    }

    private static double auc(WindowClassifier classifier, double[][] means, boolean[] ore) {
        double[] scores = new double[means.length];
        for (int i = 0; i < means.length; i++) {
            scores[i] = classifier.margin(means[i]); // the probability's order, without its rounding to 0 or 1
        }
        return Roc.of(scores, ore).auc().orElse(Double.NaN);
    }
}
