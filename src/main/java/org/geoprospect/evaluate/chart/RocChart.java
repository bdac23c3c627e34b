package org.geoprospect.evaluate.chart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * ROC curves of several elements on one chart, as in the paper's element selection: the highlighted curves (the
 * selected elements) thick and in colour with a legend entry each ("Au (AUC 0.602)"), the others thin and grey for
 * context and listed compactly below the legend by falling AUC, the chance diagonal dashed grey. Both axes run 0–1.
 * Up to about forty curves stay readable at the default 1200 × 900 px.
 * <p>
 * Immutable and thread-safe; {@link #optSize} returns a changed copy.
 */
public final class RocChart implements Chart {
    private final String title;
    private final List<Curve> curves;
    private final ChartSize size;

    /**
     * One ROC curve: the false- and true-positive rates of its points in order of decreasing threshold.
     *
     * @param highlighted whether to draw it thick and in colour (a selected element) rather than thin and grey
     * @throws IllegalArgumentException when the name is blank, the arrays differ in length or are empty, or a rate
     *                                  or the AUC lies outside 0–1
     */
    public record Curve(String name, double[] falsePositiveRate, double[] truePositiveRate, double auc,
                        boolean highlighted) {
        public Curve {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a ROC curve needs a name");
            }
            Points.checkSameLength(name, falsePositiveRate, truePositiveRate, "falsePositiveRate",
                    "truePositiveRate");
            Points.checkFraction(name, "falsePositiveRate", falsePositiveRate);
            Points.checkFraction(name, "truePositiveRate", truePositiveRate);
            if (!(auc >= 0 && auc <= 1)) {
                throw new IllegalArgumentException("ROC curve " + name + ": the AUC must lie in 0–1, got " + auc);
            }
            falsePositiveRate = falsePositiveRate.clone();
            truePositiveRate = truePositiveRate.clone();
        }

        @Override
        public double[] falsePositiveRate() {
            return falsePositiveRate.clone();
        }

        @Override
        public double[] truePositiveRate() {
            return truePositiveRate.clone();
        }

        private String label() {
            return String.format(Locale.ROOT, "%s (AUC %.3f)", name, auc);
        }
    }

    /** @throws IllegalArgumentException when there are no curves or two share a name */
    public RocChart(String title, List<Curve> curves) {
        this(title, curves, ChartStyle.DEFAULT_SIZE);
    }

    private RocChart(String title, List<Curve> curves, ChartSize size) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a ROC chart needs at least one curve");
        }
        this.title = title;
        this.curves = List.copyOf(curves);
        this.size = size;
        plot(); // fails now, not when rendering, if two curves share a label
    }

    /**
     * This chart at another size in pixels.
     *
     * @throws IllegalArgumentException below 600 × 450 px, where the text would crowd out the plot
     */
    public RocChart optSize(int width, int height) {
        return new RocChart(title, curves, new ChartSize(width, height));
    }

    @Override
    public BufferedImage render() {
        return plot().render(size);
    }

    private LinePlot plot() {
        // highlighted first: the first lines are drawn on top
        List<Curve> ordered = curves.stream().sorted(Comparator.comparing(c -> !c.highlighted())).toList();
        List<LinePlot.Line> lines = new ArrayList<>();
        int colour = 0;
        for (Curve curve : ordered) {
            lines.add(curve.highlighted()
                    ? new LinePlot.Line(curve.label(), curve.falsePositiveRate, curve.truePositiveRate,
                            ChartStyle.highlightColour(colour), ChartStyle.highlightStroke(colour++), true)
                    : new LinePlot.Line(curve.label(), curve.falsePositiveRate, curve.truePositiveRate,
                            ChartStyle.CONTEXT_GREY, ChartStyle.CONTEXT_STROKE, false));
        }
        LinePlot.Line chance = new LinePlot.Line("chance", new double[] {0, 1}, new double[] {0, 1},
                ChartStyle.REFERENCE_GREY, ChartStyle.REFERENCE_STROKE, false);
        LinePlot.AxisRange unit = new LinePlot.AxisRange(0, 1);
        return new LinePlot(title, "False positive rate", "True positive rate", lines, chance, unit, unit,
                contextNote());
    }

    /**
     * The grey curves listed compactly by falling AUC, e.g. "Grey, by AUC: Pb 0.800, V 0.800, Cu 0.743", or
     * {@code null} when every curve is highlighted. A legend entry per grey curve would take most of the image.
     */
    private String contextNote() {
        List<String> entries = curves.stream().filter(c -> !c.highlighted())
                .sorted(Comparator.comparingDouble(Curve::auc).reversed())
                // a no-break space keeps each name with its AUC when the note wraps
                .map(c -> String.format(Locale.ROOT, "%s\u00A0%.3f", c.name(), c.auc())).toList();
        return entries.isEmpty() ? null : "Grey, by AUC: " + String.join(", ", entries);
    }
}
