package org.geoprospect.evaluate.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The look every chart shares: size, fonts, colours and strokes. Font sizes are in pixels of the PNG (the image is
 * drawn at 72 dpi, where a point is a pixel); the smallest is 16 px so that a chart shrunk to a report column stays
 * legible. Loading this class switches AWT to headless mode unless the application already chose, because charts are
 * drawn on servers without a display.
 */
final class ChartStyle {
    static {
        // must run before any AWT class asks whether it is headless; every chart's constructor loads this class
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final ChartSize DEFAULT_SIZE = new ChartSize(1200, 900);

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 28);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    static final Font CELL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 40);
    static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x222222);
    static final Color GRIDLINE = new Color(0xDDDDDD);
    static final Color FRAME = new Color(0x999999);
    /** Lines that are shown for context only (ROC curves of elements that were not selected). */
    static final Color CONTEXT_GREY = new Color(0xB0B0B0);
    static final Color REFERENCE_GREY = new Color(0x707070);

    /**
     * Okabe–Ito colours that stand out on white, most distinct first; yellow is left out because it vanishes on
     * white.
     */
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK);

    static final Stroke HIGHLIGHT_STROKE = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke CONTEXT_STROKE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke REFERENCE_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {12f, 8f}, 0f);

    private ChartStyle() {
    }

    /**
     * The {@code index}-th line colour. Past the palette's end colours repeat, so callers tell such lines apart by
     * {@link #highlightStroke(int)}.
     */
    static Color highlightColour(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Solid for the first round of palette colours, dashed for the next, so no two lines look alike. */
    static Stroke highlightStroke(int index) {
        if (index < PALETTE.size()) {
            return HIGHLIGHT_STROKE;
        }
        return new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {16f, 6f + 4f * (index / PALETTE.size())}, 0f);
    }

    /** Paints {@code image} white and returns a graphics context on it with antialiased shapes and greyscale text. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // greyscale, not LCD, antialiasing: subpixel fringes would put colours into text
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** A blank image of {@code size} in RGB: PNG charts need no transparency. */
    static BufferedImage image(ChartSize size) {
        return new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
    }
}
