package org.geoprospect.evaluate.chart;

/** A chart's size in pixels, large enough for its text to stay readable. */
record ChartSize(int width, int height) {
    /** Half the default: below this the 16 px text, the legend and the labels crowd the plot or matrix out. */
    static final int MIN_WIDTH = 600;
    static final int MIN_HEIGHT = 450;

    ChartSize {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException("a chart must be at least " + MIN_WIDTH + " × " + MIN_HEIGHT
                    + " px so that its text stays readable, got " + width + " × " + height);
        }
    }
}
