package org.geoprospect.evaluate.chart;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A map of an ore-probability grid on the perceptually uniform, colour-blind-safe viridis ramp (dark purple 0 to
 * yellow 1; cells without a probability light grey), with target outlines — known-ore targets black, new targets
 * white over a black halo so that they read on every colour — labelled by rank, known deposits as white dots, a
 * colour bar and a scale bar. North is up: the grid is north-up. Immutable and thread-safe.
 */
public final class ProbabilityMap implements Chart {
    /** viridis at 0, 1/9, … 1 (matplotlib's table); values between are interpolated in RGB. */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
            0x6DCD59, 0xB4DE2C, 0xFDE725};
    private static final Color NO_DATA = new Color(0xE8E8E8);
    private static final Color KNOWN = Color.BLACK;
    private static final Color NEW = Color.WHITE;
    /** Rank labels beyond this many would hide the map. */
    private static final int MAX_LABELS = 40;
    private static final int MARGIN = 30;
    private static final int LEGEND_WIDTH = 260;
    /** Room under the map for the scale bar. */
    private static final int SCALE_BAR_HEIGHT = 50;

    /**
     * Where the probabilities lie: a north-up grid of columns × rows cells whose top-left corner is (minX, maxY),
     * in map units.
     *
     * @param metresPerUnit metres per map unit, for the scale bar; NaN (degrees) draws none, as a degree of
     *                      longitude shrinks with latitude
     */
    public record MapGrid(int columns, int rows, double minX, double maxY, double cellWidth, double cellHeight,
                          double metresPerUnit) {
        double maxX() {
            return minX + columns * cellWidth;
        }

        double minY() {
            return maxY - rows * cellHeight;
        }
    }

    /**
     * @param polygon the target, in the grid's map units
     * @param label   what to write on it (its rank)
     * @param known   whether it holds a known deposit
     */
    public record Outline(Polygon polygon, String label, boolean known) {
    }

    private final String title;
    private final MapGrid grid;
    private final float[] probability;
    private final List<Outline> outlines;
    private final double[] depositX;
    private final double[] depositY;
    private final ChartSize size;

    /**
     * @param probability per cell, row-major; NaN = none
     * @param outlines    the targets, best first (the first {@value #MAX_LABELS} are labelled)
     * @param depositX    known deposits' x in map units
     * @param depositY    their y
     */
    public ProbabilityMap(String title, MapGrid grid, float[] probability, List<Outline> outlines,
                          double[] depositX, double[] depositY) {
        this(title, grid, probability, outlines, depositX, depositY, ChartStyle.DEFAULT_SIZE);
    }

    private ProbabilityMap(String title, MapGrid grid, float[] probability, List<Outline> outlines,
                           double[] depositX, double[] depositY, ChartSize size) {
        if (probability.length != (long) grid.columns() * grid.rows() || depositX.length != depositY.length) {
            throw new IllegalArgumentException("the probabilities must cover the grid and each deposit have x and y");
        }
        this.title = Objects.requireNonNull(title, "title");
        this.grid = grid;
        this.probability = probability;
        this.outlines = List.copyOf(outlines);
        this.depositX = depositX;
        this.depositY = depositY;
        this.size = size;
    }

    /** @throws IllegalArgumentException below 600 × 450 px, where the text would crowd out the map */
    public ProbabilityMap optSize(int width, int height) {
        return new ProbabilityMap(title, grid, probability, outlines, depositX, depositY, new ChartSize(width, height));
    }

    /** The viridis colour of a probability in [0, 1] (values outside are clamped); also the server's map ramp. */
    public static Color colour(double p) {
        double t = Math.max(0, Math.min(1, p)) * (VIRIDIS.length - 1);
        int i = Math.min((int) t, VIRIDIS.length - 2);
        double f = t - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * f);
    }

    @Override
    public BufferedImage render() {
        BufferedImage image = ChartStyle.image(size);
        Graphics2D g = ChartStyle.canvas(image);
        try {
            g.setFont(ChartStyle.TITLE_FONT);
            g.setColor(ChartStyle.TEXT);
            g.drawString(title, MARGIN, titleBaseline(g));
            Rectangle frame = frame(g);
            drawCells(image, frame);
            double scale = frame.width / (grid.maxX() - grid.minX());
            drawOutlines(g, frame, scale);
            drawDeposits(g, frame, scale);
            g.setColor(ChartStyle.FRAME);
            g.draw(frame);
            drawLegend(g, frame);
            drawScaleBar(g, frame, scale);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int titleBaseline(Graphics2D g) {
        return MARGIN + g.getFontMetrics(ChartStyle.TITLE_FONT).getAscent();
    }

    /** Where the cells are drawn (for tests: the same frame {@link #render} uses). */
    Rectangle frame() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartStyle.canvas(scratch);
        try {
            return frame(g);
        } finally {
            g.dispose();
        }
    }

    /** The largest frame of the grid's aspect that fits left of the legend, under the title, above the scale bar. */
    private Rectangle frame(Graphics2D g) {
        int top = titleBaseline(g) + MARGIN;
        double availableW = size.width() - 2 * MARGIN - LEGEND_WIDTH;
        double availableH = size.height() - top - MARGIN - SCALE_BAR_HEIGHT;
        double aspect = (grid.maxX() - grid.minX()) / (grid.maxY() - grid.minY());
        int w = (int) Math.min(availableW, availableH * aspect);
        int h = (int) Math.round(w / aspect);
        return new Rectangle(MARGIN, top, w, h);
    }

    private void drawCells(BufferedImage image, Rectangle frame) {
        for (int py = 0; py < frame.height; py++) {
            int row = (int) Math.min(grid.rows() - 1, (long) py * grid.rows() / frame.height);
            for (int px = 0; px < frame.width; px++) {
                int column = (int) Math.min(grid.columns() - 1, (long) px * grid.columns() / frame.width);
                float p = probability[row * grid.columns() + column];
                image.setRGB(frame.x + px, frame.y + py, (Float.isNaN(p) ? NO_DATA : colour(p)).getRGB());
            }
        }
    }

    private void drawOutlines(Graphics2D g, Rectangle frame, double scale) {
        BasicStroke halo = new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        BasicStroke line = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (Outline o : outlines) {
            Path2D path = path(o.polygon(), frame, scale);
            if (!o.known()) {
                g.setColor(Color.BLACK);
                g.setStroke(halo);
                g.draw(path);
            }
            g.setColor(o.known() ? KNOWN : NEW);
            g.setStroke(line);
            g.draw(path);
        }
        g.setFont(ChartStyle.NOTE_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (Outline o : outlines.subList(0, Math.min(MAX_LABELS, outlines.size()))) {
            Point c = o.polygon().getInteriorPoint();
            float x = (float) (frame.x + (c.getX() - grid.minX()) * scale) - fm.stringWidth(o.label()) / 2f;
            float y = (float) (frame.y + (grid.maxY() - c.getY()) * scale) + fm.getAscent() / 2f;
            g.setColor(Color.BLACK);
            g.fillRect((int) x - 2, (int) (y - fm.getAscent()), fm.stringWidth(o.label()) + 4, fm.getAscent() + 2);
            g.setColor(Color.WHITE);
            g.drawString(o.label(), x, y);
        }
    }

    private Path2D path(Polygon polygon, Rectangle frame, double scale) {
        Path2D path = new Path2D.Double();
        ring(path, polygon.getExteriorRing(), frame, scale);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(path, polygon.getInteriorRingN(i), frame, scale);
        }
        return path;
    }

    private void ring(Path2D path, LineString ring, Rectangle frame, double scale) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length; i++) {
            double x = frame.x + (cs[i].x - grid.minX()) * scale;
            double y = frame.y + (grid.maxY() - cs[i].y) * scale;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
    }

    private void drawDeposits(Graphics2D g, Rectangle frame, double scale) {
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < depositX.length; i++) {
            double x = frame.x + (depositX[i] - grid.minX()) * scale;
            double y = frame.y + (grid.maxY() - depositY[i]) * scale;
            if (frame.contains(x, y)) {
                Ellipse2D dot = new Ellipse2D.Double(x - 4, y - 4, 8, 8);
                g.setColor(Color.WHITE);
                g.fill(dot);
                g.setColor(Color.BLACK);
                g.draw(dot);
            }
        }
    }

    private void drawLegend(Graphics2D g, Rectangle frame) {
        int x = frame.x + frame.width + MARGIN;
        int y = frame.y;
        g.setFont(ChartStyle.LEGEND_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(ChartStyle.TEXT);
        g.drawString("ore probability", x, y + fm.getAscent());
        int barTop = y + fm.getHeight() + 10;
        int barHeight = Math.min(300, frame.height / 2);
        for (int i = 0; i < barHeight; i++) {
            g.setColor(colour(1 - (double) i / (barHeight - 1)));
            g.fillRect(x, barTop + i, 30, 1);
        }
        g.setColor(ChartStyle.TEXT);
        g.setFont(ChartStyle.TICK_FONT);
        for (double v = 0; v <= 1.0001; v += 0.25) {
            int ty = barTop + (int) Math.round((1 - v) * (barHeight - 1));
            g.drawLine(x + 30, ty, x + 36, ty);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), x + 42, ty + g.getFontMetrics().getAscent() / 2);
        }
        int ly = barTop + barHeight + 40;
        g.setFont(ChartStyle.LEGEND_FONT);
        g.setStroke(new BasicStroke(5f));
        g.setColor(Color.BLACK);
        g.drawLine(x, ly, x + 40, ly);
        g.setColor(ChartStyle.TEXT);
        g.drawString("known-ore target", x + 50, ly + fm.getAscent() / 2 - 2);
        ly += 34;
        g.setColor(Color.BLACK);
        g.drawLine(x, ly, x + 40, ly);
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(Color.WHITE);
        g.drawLine(x, ly, x + 40, ly);
        g.setColor(ChartStyle.TEXT);
        g.drawString("new target", x + 50, ly + fm.getAscent() / 2 - 2);
        ly += 34;
        g.setStroke(new BasicStroke(1.5f));
        Ellipse2D dot = new Ellipse2D.Double(x + 16, ly - 4, 8, 8);
        g.setColor(Color.WHITE);
        g.fill(dot);
        g.setColor(Color.BLACK);
        g.draw(dot);
        g.setColor(ChartStyle.TEXT);
        g.drawString("known deposit", x + 50, ly + fm.getAscent() / 2 - 2);
        ly += 34;
        g.setColor(NO_DATA);
        g.fillRect(x + 5, ly - 10, 30, 20);
        g.setColor(ChartStyle.TEXT);
        g.drawString("no data", x + 50, ly + fm.getAscent() / 2 - 2);
    }

    /** A bar of a round length in metres or kilometres near a fifth of the map's width. */
    private void drawScaleBar(Graphics2D g, Rectangle frame, double scale) {
        if (Double.isNaN(grid.metresPerUnit())) {
            return;
        }
        double target = (grid.maxX() - grid.minX()) * grid.metresPerUnit() / 5; // metres
        double unit = Math.pow(10, Math.floor(Math.log10(target)));
        double length = target / unit >= 5 ? 5 * unit : target / unit >= 2 ? 2 * unit : unit;
        int px = (int) Math.round(length / grid.metresPerUnit() * scale);
        int x = frame.x;
        int y = frame.y + frame.height + SCALE_BAR_HEIGHT - 10;
        g.setColor(ChartStyle.TEXT);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x, y, x + px, y);
        g.drawLine(x, y - 8, x, y);
        g.drawLine(x + px, y - 8, x + px, y);
        g.setFont(ChartStyle.TICK_FONT);
        String text = length >= 1000 ? String.format(Locale.ROOT, "%.0f km", length / 1000)
                : String.format(Locale.ROOT, "%.0f m", length);
        g.drawString(text, x + px + 10, y);
    }
}
