package org.geoprospect.evaluate.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A confusion matrix as a heat map: actual classes in rows, predicted classes in columns, each cell shaded by its
 * count on a log scale (the largest count darkest; log because "no ore" cells outnumber "ore" cells by orders of
 * magnitude, and a linear scale would leave every ore cell equally pale), on a single-hue ColorBrewer "Blues" scale
 * that reads the same to colour-blind readers and in greyscale print. Each cell is labelled with its count and its
 * share of the row, i.e. of the actual class: for the "ore" row the share on the diagonal is the recall. Drawn with
 * Java2D, which lays out a small grid of text more plainly than a JFreeChart block renderer.
 * <p>
 * Immutable and thread-safe; {@link #optSize} returns a changed copy.
 */
public final class ConfusionMatrixChart implements Chart {
    /** ColorBrewer Blues, light to dark; shades between stops are interpolated in RGB. */
    private static final List<Color> SHADES = List.of(new Color(0xF7FBFF), new Color(0xC6DBEF),
            new Color(0x6BAED6), new Color(0x2171B5), new Color(0x08306B));
    private static final Color CELL_BORDER = new Color(0xC8C8C8);

    private final String title;
    private final List<String> classNames;
    private final long[][] counts;
    private final ChartSize size;

    /**
     * @param classNames the classes in the order of {@code counts}' rows and columns, e.g. {@code ["ore", "no ore"]}
     * @param counts     {@code counts[actual][predicted]}, non-negative
     * @throws IllegalArgumentException when there are fewer than two classes, {@code counts} is not square with a row
     *                                  per class, or a count is negative
     */
    public ConfusionMatrixChart(String title, List<String> classNames, long[][] counts) {
        this(title, classNames, counts, ChartStyle.DEFAULT_SIZE);
    }

    private ConfusionMatrixChart(String title, List<String> classNames, long[][] counts, ChartSize size) {
        this.title = Objects.requireNonNull(title, "title");
        this.classNames = List.copyOf(classNames);
        this.counts = copyChecked(this.classNames, counts);
        this.size = size;
        layout(); // fails now, not when rendering, if the classes do not fit
    }

    /** @throws IllegalArgumentException below 600 × 450 px, or when the cells would be too small for their text */
    public ConfusionMatrixChart optSize(int width, int height) {
        return new ConfusionMatrixChart(title, classNames, counts, new ChartSize(width, height));
    }

    @Override
    public BufferedImage render() {
        MatrixLayout layout = layout();
        BufferedImage image = ChartStyle.image(size);
        Graphics2D g = ChartStyle.canvas(image);
        try {
            drawTitle(g);
            drawCells(g, layout);
            drawAxes(g, layout);
        } finally {
            g.dispose();
        }
        return image;
    }

    MatrixLayout layout() {
        return MatrixLayout.of(size, classNames);
    }

    private void drawTitle(Graphics2D g) {
        g.setFont(ChartStyle.TITLE_FONT);
        g.setColor(ChartStyle.TEXT);
        drawCentred(g, title, size.width() / 2, MatrixLayout.PADDING + g.getFontMetrics().getAscent());
    }

    private void drawCells(Graphics2D g, MatrixLayout layout) {
        long max = Arrays.stream(counts).flatMapToLong(Arrays::stream).max().orElse(0);
        int countSize = Math.max(16, Math.min(40, layout.cellSize() / 8));
        Font countFont = ChartStyle.CELL_FONT.deriveFont((float) countSize);
        Font shareFont = ChartStyle.LABEL_FONT.deriveFont((float) Math.max(16, countSize * 11 / 20));
        for (int row = 0; row < counts.length; row++) {
            long rowTotal = Arrays.stream(counts[row]).sum();
            for (int column = 0; column < counts.length; column++) {
                long count = counts[row][column];
                Rectangle cell = layout.cell(row, column);
                Color fill = shade(max == 0 ? 0 : Math.log1p(count) / Math.log1p(max));
                g.setColor(fill);
                g.fill(cell);
                g.setColor(CELL_BORDER);
                g.setStroke(new BasicStroke(1f));
                g.draw(cell);

                g.setColor(luminance(fill) < 0.5 ? Color.WHITE : ChartStyle.TEXT);
                int centreX = cell.x + cell.width / 2;
                int centreY = cell.y + cell.height / 2;
                g.setFont(countFont);
                drawCentred(g, String.format(Locale.ROOT, "%,d", count), centreX, centreY);
                g.setFont(shareFont);
                String share = rowTotal == 0 ? "–"
                        : String.format(Locale.ROOT, "%.1f %%", 100.0 * count / rowTotal);
                drawCentred(g, share, centreX, centreY + g.getFontMetrics().getHeight() + 4);
            }
        }
    }

    private void drawAxes(Graphics2D g, MatrixLayout layout) {
        g.setColor(ChartStyle.TEXT);
        g.setFont(ChartStyle.LABEL_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int gridBottom = layout.top() + layout.gridSize();
        int namesBaseline = gridBottom + MatrixLayout.GAP + metrics.getAscent();
        for (int i = 0; i < classNames.size(); i++) {
            Rectangle cell = layout.cell(i, i);
            drawCentred(g, classNames.get(i), cell.x + cell.width / 2, namesBaseline);
            g.drawString(classNames.get(i), layout.left() - MatrixLayout.GAP - metrics.stringWidth(classNames.get(i)),
                    cell.y + cell.height / 2 + metrics.getAscent() / 2 - metrics.getDescent() / 2);
        }
        Font bold = ChartStyle.LABEL_FONT.deriveFont(Font.BOLD);
        g.setFont(bold);
        int predictedBaseline = namesBaseline + metrics.getDescent() + MatrixLayout.GAP + metrics.getAscent();
        drawCentred(g, "Predicted", layout.left() + layout.gridSize() / 2, predictedBaseline);

        AffineTransform unrotated = g.getTransform();
        int actualX = layout.left() - 2 * MatrixLayout.GAP - layout.rowNameWidth() - metrics.getDescent();
        g.rotate(-Math.PI / 2, actualX, layout.top() + layout.gridSize() / 2.0);
        drawCentred(g, "Actual", actualX, layout.top() + layout.gridSize() / 2);
        g.setTransform(unrotated);

        g.setFont(ChartStyle.NOTE_FONT);
        drawCentred(g, "Shade: count (log scale). Percentages: share of the actual class (row).", size.width() / 2,
                size.height() - MatrixLayout.PADDING - g.getFontMetrics().getDescent());
    }

    /** Draws {@code text} centred horizontally on {@code x}, with its baseline at {@code y}. */
    private static void drawCentred(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /** The Blues colour at {@code fraction} of the way from lightest (0) to darkest (1). */
    private static Color shade(double fraction) {
        double position = fraction * (SHADES.size() - 1);
        int stop = Math.min((int) position, SHADES.size() - 2);
        double t = position - stop;
        Color a = SHADES.get(stop);
        Color b = SHADES.get(stop + 1);
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    /** Relative luminance in 0–1 (Rec. 709 weights), to choose white or dark text on a cell. */
    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    private static long[][] copyChecked(List<String> classNames, long[][] counts) {
        int n = classNames.size();
        if (n < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least two classes, got " + n);
        }
        if (counts == null || counts.length != n) {
            throw new IllegalArgumentException("the counts need one row per class (" + n + "), got "
                    + (counts == null ? "none" : counts.length));
        }
        long[][] copy = new long[n][];
        for (int row = 0; row < n; row++) {
            if (counts[row] == null || counts[row].length != n) {
                throw new IllegalArgumentException("row " + row + " (" + classNames.get(row) + ") of the counts needs "
                        + n + " values, one per predicted class, got "
                        + (counts[row] == null ? "none" : counts[row].length));
            }
            copy[row] = counts[row].clone();
            for (long count : copy[row]) {
                if (count < 0) {
                    throw new IllegalArgumentException("row " + row + " (" + classNames.get(row)
                            + ") of the counts has the negative count " + count);
                }
            }
        }
        return copy;
    }
}
