package org.geoprospect.evaluate.chart;

import org.geoprospect.core.AtomicFile;
import org.geoprospect.core.ExecutionFailedException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an image as a PNG that appears atomically: a hidden file in the same folder is written and then moved onto
 * the target, so a report generator or web server never reads half a chart.
 */
final class PngFile {
    private PngFile() {
    }

    /** @throws ExecutionFailedException naming {@code file} when it cannot be written */
    static void write(BufferedImage image, Path file) {
        try {
            AtomicFile.write(file, temp -> {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                    ImageIO.write(image, "png", out);
                }
            });
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write chart " + file + ": " + e, e);
        }
    }
}
