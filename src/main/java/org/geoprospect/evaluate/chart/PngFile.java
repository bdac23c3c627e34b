package org.geoprospect.evaluate.chart;

import org.geoprospect.core.ExecutionFailedException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes an image as a PNG that appears atomically: a hidden file in the same folder is written and then moved onto
 * the target, so a report generator or web server never reads half a chart.
 */
final class PngFile {
    private PngFile() {
    }

    /** @throws ExecutionFailedException naming {@code file} when it cannot be written */
    static void write(BufferedImage image, Path file) {
        Path target = file.toAbsolutePath();
        // not createTempFile: its owner-only permissions would stay on the published file
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                ImageIO.write(image, "png", out);
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write chart " + file + ": " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write's own outcome is what the caller needs; a stray temp file is harmless
        }
    }
}
