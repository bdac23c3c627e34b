package org.geoprospect.evaluate.chart;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.util.List;

/**
 * Where a confusion matrix's parts go on the image: square cells as large as fit between the title at the top, the
 * row names and "Actual" on the left, and the column names, "Predicted" and a note below. Text is measured without a
 * graphics context, so a test can find the cells of a rendered image.
 *
 * @param left      left edge of the grid
 * @param top       top edge of the grid
 * @param cellSize  side of a cell
 * @param classes   number of rows and of columns
 * @param rowNameWidth width of the longest class name, which sits left of the grid
 */
record MatrixLayout(int left, int top, int cellSize, int classes, int rowNameWidth) {
    static final int PADDING = 24;
    static final int GAP = 14;
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    static MatrixLayout of(ChartSize size, List<String> classNames) {
        int rowNameWidth = classNames.stream().mapToInt(name -> width(ChartStyle.LABEL_FONT, name)).max()
                .orElse(0);
        int labelHeight = height(ChartStyle.LABEL_FONT);
        int left = PADDING + labelHeight + GAP + rowNameWidth + GAP;
        int top = PADDING + height(ChartStyle.TITLE_FONT) + 2 * GAP;
        int bottom = GAP + labelHeight + GAP + labelHeight + GAP + height(ChartStyle.NOTE_FONT) + PADDING;
        int n = classNames.size();
        int availableWidth = size.width() - left - PADDING;
        int cellSize = Math.min(availableWidth, size.height() - top - bottom) / n;
        if (cellSize < 2 * height(ChartStyle.LABEL_FONT)) {
            throw new IllegalArgumentException(n + " classes do not fit in " + size.width() + " × " + size.height()
                    + " px; make the chart larger");
        }
        return new MatrixLayout(left + (availableWidth - n * cellSize) / 2, top, cellSize, n, rowNameWidth);
    }

    /** The cell of actual class {@code row} and predicted class {@code column}. */
    Rectangle cell(int row, int column) {
        return new Rectangle(left + column * cellSize, top + row * cellSize, cellSize, cellSize);
    }

    int gridSize() {
        return classes * cellSize;
    }

    static int width(Font font, String text) {
        return (int) Math.ceil(font.getStringBounds(text, MEASURE).getWidth());
    }

    static int height(Font font) {
        return (int) Math.ceil(font.getLineMetrics("Ag", MEASURE).getHeight());
    }
}
