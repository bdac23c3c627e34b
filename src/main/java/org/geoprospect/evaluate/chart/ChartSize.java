package org.geoprospect.evaluate.chart;

/** A chart's size in pixels, large enough for its text to stay readable. */
record ChartSize(int width, int height) {
    /** Below this the 14 px text and the legend crowd the plot out. */
    static final int MIN_WIDTH = 400;
    static final int MIN_HEIGHT = 300;

    ChartSize {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException("a chart must be at least " + MIN_WIDTH + " × " + MIN_HEIGHT
                    + " px so that its text stays readable, got " + width + " × " + height);
        }
    }
}
