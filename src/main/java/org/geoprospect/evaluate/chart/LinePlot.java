package org.geoprospect.evaluate.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.GridArrangement;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.DefaultXYDataset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Named x/y lines drawn with JFreeChart in the house style, with the legend below the plot in as many columns as fit,
 * and an optional note below it (such as a compact list of the lines left out of the legend), so that forty ROC curves
 * still leave room for the plot. {@link RocChart} and {@link CurveChart} decide how each line looks; this class draws
 * them. The first line is drawn on top; the reference line, if any, below all and without a legend entry.
 *
 * @param reference a line such as the chance diagonal, or {@code null}
 * @param xRange    the fixed x-axis range, or {@code null} to fit the data
 * @param yRange    the fixed y-axis range, or {@code null} to fit the data
 * @param note      text under the legend, wrapped to the chart's width and cut after four lines, or {@code null}
 */
record LinePlot(String title, String xLabel, String yLabel, List<Line> lines, Line reference, AxisRange xRange,
                AxisRange yRange, String note) {
    /** Roughly the width one legend entry such as "Au (AUC 0.602)" needs at the legend font. */
    private static final int LEGEND_COLUMN_WIDTH = 230;
    /** A longer note would squeeze the plot; its end is cut off instead. */
    private static final int MAX_NOTE_LINES = 4;

    /** One line: its label, its points in drawing order, its look, and whether the legend lists it. */
    record Line(String label, double[] x, double[] y, Color colour, Stroke stroke, boolean inLegend) {
    }

    /** A fixed axis range. */
    record AxisRange(double lower, double upper) {
        AxisRange {
            if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
                throw new IllegalArgumentException("an axis range needs finite bounds with lower < upper, got ["
                        + lower + ", " + upper + "]");
            }
        }
    }

    LinePlot {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
        Set<String> labels = new HashSet<>();
        for (Line line : lines) {
            if (!labels.add(line.label())) {
                throw new IllegalArgumentException("two lines are labelled '" + line.label()
                        + "'; give each its own name");
            }
        }
    }

    BufferedImage render(ChartSize size) {
        XYPlot plot = new XYPlot();
        plot.setDataset(0, dataset(lines));
        plot.setRenderer(0, renderer(lines));
        if (reference != null) {
            plot.setDataset(1, dataset(List.of(reference)));
            plot.setRenderer(1, renderer(List.of(reference)));
        }
        // wide insets make JFreeChart choose fewer ticks (0.1 rather than 0.05 on a 0–1 axis), easier to read
        plot.setDomainAxis(axis(xLabel, xRange, new RectangleInsets(6, 16, 4, 16)));
        plot.setRangeAxis(axis(yLabel, yRange, new RectangleInsets(12, 4, 12, 8)));
        plot.setBackgroundPaint(ChartStyle.BACKGROUND);
        plot.setDomainGridlinePaint(ChartStyle.GRIDLINE);
        plot.setRangeGridlinePaint(ChartStyle.GRIDLINE);
        plot.setOutlinePaint(ChartStyle.FRAME);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false);
        chart.setBackgroundPaint(ChartStyle.BACKGROUND);
        chart.getTitle().setPaint(ChartStyle.TEXT);
        chart.getTitle().setMargin(10, 0, 10, 0);
        chart.setPadding(new RectangleInsets(10, 20, 10, 30));
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // the first bottom subtitle goes at the image's edge, so the note first puts the legend next to the plot
        if (note != null) {
            chart.addSubtitle(noteTitle());
        }
        int legendEntries = (int) lines.stream().filter(Line::inLegend).count();
        if (legendEntries > 0) {
            chart.addLegend(legend(plot, legendEntries, size));
        }

        BufferedImage image = ChartStyle.image(size);
        Graphics2D g = ChartStyle.canvas(image);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static DefaultXYDataset dataset(List<Line> lines) {
        DefaultXYDataset dataset = new DefaultXYDataset();
        for (Line line : lines) {
            dataset.addSeries(line.label(), new double[][] {line.x(), line.y()});
        }
        return dataset;
    }

    private static XYLineAndShapeRenderer renderer(List<Line> lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // one path per line, so that thick lines join smoothly and dashes run on across points
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-20, 0, 20, 0));
        for (int i = 0; i < lines.size(); i++) {
            renderer.setSeriesPaint(i, lines.get(i).colour());
            renderer.setSeriesStroke(i, lines.get(i).stroke());
            renderer.setSeriesVisibleInLegend(i, lines.get(i).inLegend());
        }
        return renderer;
    }

    private static NumberAxis axis(String label, AxisRange range, RectangleInsets tickLabelInsets) {
        NumberAxis axis = new NumberAxis(label);
        axis.setTickLabelInsets(tickLabelInsets);
        axis.setLabelFont(ChartStyle.LABEL_FONT);
        axis.setLabelPaint(ChartStyle.TEXT);
        axis.setTickLabelFont(ChartStyle.TICK_FONT);
        axis.setTickLabelPaint(ChartStyle.TEXT);
        if (range == null) {
            axis.setAutoRangeIncludesZero(false);
        } else {
            axis.setRange(range.lower(), range.upper());
        }
        return axis;
    }

    private static LegendTitle legend(XYPlot plot, int entries, ChartSize size) {
        int columns = Math.max(1, Math.min(entries, size.width() / LEGEND_COLUMN_WIDTH));
        int rows = (entries + columns - 1) / columns;
        LegendTitle legend = new LegendTitle(plot, new GridArrangement(rows, columns),
                new GridArrangement(rows, columns));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(ChartStyle.LEGEND_FONT);
        legend.setItemPaint(ChartStyle.TEXT);
        // space after each label, so that the next entry's line sample does not touch it
        legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 18));
        legend.setBackgroundPaint(ChartStyle.BACKGROUND);
        legend.setFrame(BlockBorder.NONE);
        legend.setMargin(16, 0, 0, 0);
        return legend;
    }

    private TextTitle noteTitle() {
        TextTitle title = new TextTitle(note, ChartStyle.NOTE_FONT, ChartStyle.TEXT, RectangleEdge.BOTTOM,
                HorizontalAlignment.CENTER, VerticalAlignment.TOP, new RectangleInsets(10, 0, 0, 0));
        title.setMaximumLinesToDisplay(MAX_NOTE_LINES);
        return title;
    }
}
