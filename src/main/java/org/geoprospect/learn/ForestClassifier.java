package org.geoprospect.learn;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A random forest on every element's window mean (Smile, classification, 200 Gini trees of depth ≤ 20, √elements
 * tried per split), reproducible for a seed: tree i is grown with seed + i. Smile names the columns; they are
 * {@code e0, e1, …} by channel, kept inside with the schema a window's means are read with.
 */
public final class ForestClassifier implements WindowClassifier {
    private static final long serialVersionUID = 1L;
    private static final int TREES = 200;
    private static final String LABEL = "ore";

    private final RandomForest forest;
    private final StructType schema;

    private ForestClassifier(RandomForest forest, StructType schema) {
        this.forest = forest;
        this.schema = schema;
        // Smile binds its formula to a schema on first use, in plain fields: one prediction here, before the
        // classifier is shared, spares threads predicting at once a race on them
        probability(new double[schema.length()]);
    }

    /** A classifier read from a file is bound as one just fitted. */
    private Object readResolve() {
        return new ForestClassifier(forest, schema);
    }

    static ForestClassifier fit(double[][] means, boolean[] ore, long seed) {
        int channels = means[0].length;
        DataFrame x = DataFrame.of(means, IntStream.range(0, channels).mapToObj(c -> "e" + c).toArray(String[]::new));
        DataFrame frame = x.merge(IntVector.of(LABEL, Baselines.labels(ore)));
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), frame, TREES, Math.max(1, (int) Math.sqrt(channels)),
                SplitRule.GINI, 20, 100, 2, 1.0, null, LongStream.range(seed, seed + TREES));
        return new ForestClassifier(forest, x.schema());
    }

    @Override
    public double probability(double[] means) {
        double[] posteriori = new double[2]; // per call: the model is shared between threads
        forest.predict(Tuple.of(means, schema), posteriori);
        return posteriori[1];
    }

    /** Probabilities this close to 0 or 1 (unanimous trees) keep a finite logit. */
    private static final double EDGE = 1e-6;

    /** The logit of the share of trees voting ore, which is a multiple of 1/trees: clamped, no order is lost. */
    @Override
    public double margin(double[] means) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, probability(means)));
        return Math.log(p / (1 - p));
    }

    @Override
    public String kind() {
        return "forest";
    }

    @Override
    public String describe(List<String> elements) {
        double[] importance = forest.importance();
        return String.format(Locale.ROOT, "random forest, %d trees on window means; by Gini importance: %s",
                forest.size(), IntStream.range(0, elements.size()).boxed()
                        .sorted(Comparator.comparingDouble(c -> -importance[c]))
                        .map(c -> String.format(Locale.ROOT, "%s %.3g", elements.get(c), importance[c]))
                        .collect(Collectors.joining(", ")));
    }
}
