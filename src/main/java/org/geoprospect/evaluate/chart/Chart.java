package org.geoprospect.evaluate.chart;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A chart that draws itself as an RGB image and writes it as a PNG file. Implementations are immutable, so one chart
 * may be rendered from several threads.
 */
public interface Chart {
    /** Draws the chart at its size (1200 × 900 px unless changed with {@code optSize}). */
    BufferedImage render();

    /**
     * Writes {@link #render()} as a PNG. The file appears atomically (written beside it, then moved into place),
     * replacing any earlier one; the folder must exist.
     *
     * @throws org.geoprospect.core.ExecutionFailedException naming the file when it cannot be written
     */
    default void writePng(Path file) {
        PngFile.write(render(), file);
    }
}
