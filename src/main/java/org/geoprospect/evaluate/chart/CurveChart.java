package org.geoprospect.evaluate.chart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Named x/y series as coloured lines: success-rate and prediction-rate curves (fraction of area against fraction of
 * deposits), or training loss and accuracy per epoch. Optionally with the dashed reference line y = x (what a random
 * ranking of the area would give) and fixed axis ranges; otherwise the axes fit the data.
 * <p>
 * Immutable and thread-safe; the {@code opt*} methods return a changed copy.
 */
public final class CurveChart implements Chart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final boolean diagonal;
    private final LinePlot.AxisRange xRange;
    private final LinePlot.AxisRange yRange;
    private final ChartSize size;

    /**
     * One named line through its points in the given order.
     *
     * @throws IllegalArgumentException when the name is blank or the arrays are empty or differ in length
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a series needs a name");
            }
            Points.checkSameLength(name, x, y, "x", "y");
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /** @throws IllegalArgumentException when there are no series or two share a name */
    public CurveChart(String title, String xLabel, String yLabel, List<Series> series) {
        this(title, xLabel, yLabel, series, false, null, null, ChartStyle.DEFAULT_SIZE);
    }

    private CurveChart(String title, String xLabel, String yLabel, List<Series> series, boolean diagonal,
                       LinePlot.AxisRange xRange, LinePlot.AxisRange yRange, ChartSize size) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a curve chart needs at least one series");
        }
        this.title = title;
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.series = List.copyOf(series);
        this.diagonal = diagonal;
        this.xRange = xRange;
        this.yRange = yRange;
        this.size = size;
        plot(); // fails now, not when rendering, if two series share a name
    }

    /** This chart with the dashed grey line y = x across the x-axis range (the fixed one, else the data's). */
    public CurveChart optDiagonal() {
        return new CurveChart(title, xLabel, yLabel, series, true, xRange, yRange, size);
    }

    /** @throws IllegalArgumentException unless {@code lower < upper}, both finite */
    public CurveChart optXRange(double lower, double upper) {
        return new CurveChart(title, xLabel, yLabel, series, diagonal, new LinePlot.AxisRange(lower, upper), yRange,
                size);
    }

    /** @throws IllegalArgumentException unless {@code lower < upper}, both finite */
    public CurveChart optYRange(double lower, double upper) {
        return new CurveChart(title, xLabel, yLabel, series, diagonal, xRange, new LinePlot.AxisRange(lower, upper),
                size);
    }

    /** @throws IllegalArgumentException below 600 × 450 px, where the text would crowd out the plot */
    public CurveChart optSize(int width, int height) {
        return new CurveChart(title, xLabel, yLabel, series, diagonal, xRange, yRange, new ChartSize(width, height));
    }

    @Override
    public BufferedImage render() {
        return plot().render(size);
    }

    private LinePlot plot() {
        List<LinePlot.Line> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            lines.add(new LinePlot.Line(s.name(), s.x, s.y, ChartStyle.highlightColour(i),
                    ChartStyle.highlightStroke(i), true));
        }
        return new LinePlot(title, xLabel, yLabel, lines, diagonal ? diagonalLine() : null, xRange, yRange,
                null);
    }

    private LinePlot.Line diagonalLine() {
        double[] ends = xRange != null ? new double[] {xRange.lower(), xRange.upper()} : dataXRange();
        return new LinePlot.Line("y = x", ends, ends, ChartStyle.REFERENCE_GREY, ChartStyle.REFERENCE_STROKE,
                false);
    }

    private double[] dataXRange() {
        double[] all = series.stream().flatMapToDouble(s -> Arrays.stream(s.x)).filter(Double::isFinite).toArray();
        return new double[] {Arrays.stream(all).min().orElse(0), Arrays.stream(all).max().orElse(1)};
    }
}
