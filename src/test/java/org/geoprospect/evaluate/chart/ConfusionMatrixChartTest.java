package org.geoprospect.evaluate.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionMatrixChartTest {
    private static final List<String> ORE = List.of("ore", "no ore");

    @TempDir
    Path dir;

    /** Luminance of a cell near its top-left corner, clear of the centred text. */
    private static double cellLuminance(ConfusionMatrixChart chart, BufferedImage image, int row, int column) {
        Rectangle cell = chart.layout().cell(row, column);
        return Pixels.luminance(image, cell.x + cell.width / 8, cell.y + cell.height / 8);
    }

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("confusion.png");
        new ConfusionMatrixChart("CNN", ORE, new long[][] {{3, 1}, {2, 90}}).optSize(900, 700).writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(700, image.getHeight());
    }

    @Test
    void largerCountsAreDarker() {
        long[][] counts = {{5, 800}, {60, 20}};
        ConfusionMatrixChart chart = new ConfusionMatrixChart("CNN", ORE, counts);
        BufferedImage image = chart.render();
        // ascending counts: (0,0) 5 < (1,1) 20 < (1,0) 60 < (0,1) 800
        int[][] ascending = {{0, 0}, {1, 1}, {1, 0}, {0, 1}};
        for (int i = 1; i < ascending.length; i++) {
            double lighter = cellLuminance(chart, image, ascending[i - 1][0], ascending[i - 1][1]);
            double darker = cellLuminance(chart, image, ascending[i][0], ascending[i][1]);
            assertTrue(darker < lighter, "cell " + i + " of ascending counts: " + darker + " vs " + lighter);
        }
    }

    @Test
    void theDarkestOfThreeClassesIsTheLargestCount() {
        long[][] counts = {{10, 2, 0}, {4, 30, 1}, {0, 3, 12}};
        ConfusionMatrixChart chart = new ConfusionMatrixChart("Lithology", List.of("granite", "schist", "gabbro"),
                counts);
        BufferedImage image = chart.render();
        double darkest = cellLuminance(chart, image, 1, 1);
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                if (row != 1 || column != 1) {
                    assertTrue(cellLuminance(chart, image, row, column) > darkest, row + "," + column);
                }
            }
        }
    }

    @Test
    void anAllZeroMatrixIsDrawnInOneLightShade() {
        ConfusionMatrixChart chart = new ConfusionMatrixChart("empty", ORE, new long[2][2]);
        BufferedImage image = chart.render();
        double first = cellLuminance(chart, image, 0, 0);
        assertTrue(first > 0.9, "lightest shade, got " + first);
        assertEquals(first, cellLuminance(chart, image, 1, 0));
        assertEquals(first, cellLuminance(chart, image, 1, 1));
    }

    @Test
    void cellsStayInsideTheImage() {
        ConfusionMatrixChart chart = new ConfusionMatrixChart("CNN", ORE, new long[][] {{1, 2}, {3, 4}})
                .optSize(600, 450);
        Rectangle image = new Rectangle(0, 0, 600, 450);
        assertTrue(image.contains(chart.layout().cell(0, 0)));
        assertTrue(image.contains(chart.layout().cell(1, 1)));
    }

    @Test
    void oneClassIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrixChart("CNN", List.of("ore"), new long[][] {{1}}));
        assertTrue(e.getMessage().contains("at least two classes"), e.getMessage());
    }

    @Test
    void aRowOfTheWrongLengthIsRejectedNamingTheClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrixChart("CNN", ORE, new long[][] {{1, 2}, {3}}));
        assertEquals("row 1 (no ore) of the counts needs 2 values, one per predicted class, got 1", e.getMessage());
    }

    @Test
    void aMissingRowIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrixChart("CNN", ORE, new long[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("one row per class (2), got 1"), e.getMessage());
    }

    @Test
    void aNegativeCountIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrixChart("CNN", ORE, new long[][] {{1, -2}, {3, 4}}));
    }

    @Test
    void tooManyClassesForTheSizeAreRejected() {
        List<String> names = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "class " + i).toList();
        assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrixChart("CNN", names, new long[12][12]).optSize(600, 450));
    }
}
