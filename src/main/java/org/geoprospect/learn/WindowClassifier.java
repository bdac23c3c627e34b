package org.geoprospect.learn;

import java.io.Serializable;
import java.util.List;

/**
 * A baseline fitted on window means (see {@link Baselines#windowMeans}): the probability of ore for one window.
 * Immutable and thread-safe; stored with {@link WindowClassifiers}.
 */
public sealed interface WindowClassifier extends Serializable
        permits ElementClassifier, LogisticClassifier, ForestClassifier {
    /**
     * @param means each element's mean over the window, in channel order (the model's elements)
     * @return the probability of ore, in [0, 1]
     */
    double probability(double[] means);

    /**
     * @param means as for {@link #probability}
     * @return the logit of the probability, exact where the model is linear in it, so that windows keep their order
     *         where the probability rounds to 0 or 1: what a stored baseline is calibrated and ranked on
     */
    double margin(double[] means);

    /** @return {@code "element"}, {@code "logistic"} or {@code "forest"}, as {@link Baselines#fit} takes it */
    String kind();

    /**
     * @param elements the model's elements, in channel order
     * @return a one-line description for manifests
     */
    String describe(List<String> elements);
}
