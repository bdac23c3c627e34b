package org.geoprospect.evaluate.chart;

import org.geoprospect.core.ExecutionFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PngFileTest {
    @TempDir
    Path dir;

    private static BufferedImage image(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, rgb);
        return image;
    }

    @Test
    void replacesAnEarlierFileAndLeavesNothingElse() throws Exception {
        Path file = dir.resolve("chart.png");
        PngFile.write(image(3, 2, 0x0072B2), file);
        PngFile.write(image(5, 4, 0xD55E00), file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(5, read.getWidth());
        assertEquals(0xD55E00, read.getRGB(1, 1) & 0xFFFFFF);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void theFileGetsTheFolderDefaultPermissionsNotOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path file = dir.resolve("chart.png");
        PngFile.write(image(2, 2, 0), file);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }

    @Test
    void aMissingFolderIsAnExecutionFailureNamingTheFile() {
        Path file = dir.resolve("no-such-folder").resolve("chart.png");
        ExecutionFailedException e = assertThrows(ExecutionFailedException.class,
                () -> PngFile.write(image(2, 2, 0), file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
