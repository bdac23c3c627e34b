package org.geoprospect.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.ExecutionFailedException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The evaluation results as JSON objects with fixed, documented field names (independent of Java refactoring).
 * Numbers are JSON numbers; a non-finite one (the ZAUC of a perfect AUC) is written as the string
 * {@code "Infinity"} or {@code "-Infinity"}, since JSON has no such number. Thread-safe.
 */
public final class MetricsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    /** {@code {auc, positives, negatives, sigma, zauc, pValue}}. */
    public static ObjectNode toJson(AucSignificance s) {
        ObjectNode node = MAPPER.createObjectNode();
        number(node, "auc", s.auc());
        node.put("positives", s.positives());
        node.put("negatives", s.negatives());
        number(node, "sigma", s.sigma());
        number(node, "zauc", s.zauc());
        number(node, "pValue", s.pValue());
        return node;
    }

    /** {@code {tp, fp, tn, fn, accuracy, precision, recall, specificity, f1Ore, f1NoOre, macroF1, zeroDivision[]}}. */
    public static ObjectNode toJson(ClassificationMetrics m) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("tp", m.matrix().tp());
        node.put("fp", m.matrix().fp());
        node.put("tn", m.matrix().tn());
        node.put("fn", m.matrix().fn());
        number(node, "accuracy", m.accuracy());
        number(node, "precision", m.precision());
        number(node, "recall", m.recall());
        number(node, "specificity", m.specificity());
        number(node, "f1Ore", m.f1Ore());
        number(node, "f1NoOre", m.f1NoOre());
        number(node, "macroF1", m.macroF1());
        m.zeroDivision().forEach(node.putArray("zeroDivision")::add);
        return node;
    }

    /** {@code {deposits, auc, captureAt10Percent}}; the curve itself goes to {@link CurveCsv}. */
    public static ObjectNode toJson(SuccessRateCurve c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("deposits", c.deposits());
        number(node, "auc", c.auc());
        number(node, "captureAt10Percent", c.captureAt(0.1));
        return node;
    }

    /**
     * Writes {@code node}, indented, to {@code file}, replacing it.
     *
     * @throws ExecutionFailedException on I/O errors, naming the file
     */
    public static void write(ObjectNode node, Path file) {
        try {
            MAPPER.writeValue(file.toFile(), node);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write JSON " + file + ": " + e.getMessage(), e);
        }
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.put(name, Double.toString(value));
        }
    }
}
