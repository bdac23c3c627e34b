package org.geoprospect.evaluate.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RocChartTest {
    private static final double[] FPR = {0, 0.1, 0.3, 0.6, 1};
    private static final double[] TPR = {0, 0.5, 0.8, 0.9, 1};

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("roc.png");
        new RocChart("ROC", List.of(new RocChart.Curve("Au", FPR, TPR, 0.79, true))).optSize(800, 600)
                .writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void rendersHeadlessAtTheDefaultSize() {
        BufferedImage image = new RocChart("ROC", List.of(Fixtures.binormalRoc("Au", 1, true))).render();
        assertTrue(GraphicsEnvironment.isHeadless());
        assertEquals(1200, image.getWidth());
        assertEquals(900, image.getHeight());
    }

    @Test
    void highlightedCurvesTakeDistinctPaletteColours() {
        BufferedImage image = new RocChart("ROC", List.of(Fixtures.binormalRoc("Cu", 0.3, false),
                Fixtures.binormalRoc("Au", 2, true), Fixtures.binormalRoc("As", 1, true))).render();
        assertTrue(Pixels.count(image, ChartStyle.highlightColour(0)) > 1000, "Au is drawn thick in the first colour");
        assertTrue(Pixels.count(image, ChartStyle.highlightColour(1)) > 1000, "As is drawn in the second colour");
    }

    @Test
    void curvesThatAreNotHighlightedAreGrey() {
        BufferedImage image = new RocChart("ROC", List.of(Fixtures.binormalRoc("Cu", 1.5, false),
                Fixtures.binormalRoc("Zn", 0.5, false))).render();
        assertEquals(0, Pixels.coloured(image), "no pixel has a hue");
        assertTrue(Pixels.count(image, ChartStyle.CONTEXT_GREY) > 500, "the curves are drawn in context grey");
    }

    @Test
    void theInputArraysAreCopied() {
        double[] tpr = TPR.clone();
        RocChart.Curve curve = new RocChart.Curve("Au", FPR, tpr, 0.79, true);
        tpr[1] = 0.9;
        curve.truePositiveRate()[2] = 0.1;
        assertEquals(0.5, curve.truePositiveRate()[1]);
        assertEquals(0.8, curve.truePositiveRate()[2]);
    }

    @Test
    void noCurvesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RocChart("ROC", List.of()));
        assertTrue(e.getMessage().contains("at least one curve"), e.getMessage());
    }

    @Test
    void arraysOfDifferentLengthsAreRejectedNamingTheCurve() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RocChart.Curve("Au", FPR, new double[] {0, 1}, 0.5, true));
        assertEquals("Au: falsePositiveRate has 5 values but truePositiveRate has 2; each point needs both",
                e.getMessage());
    }

    @Test
    void ratesAndAucOutsideZeroToOneAreRejected() {
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> new RocChart.Curve("Au", new double[] {0, 1.2}, new double[] {0, 1}, 0.5, true));
        assertTrue(rate.getMessage().contains("falsePositiveRate[1] = 1.2"), rate.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RocChart.Curve("Au", FPR, TPR, Double.NaN, true));
    }

    @Test
    void twoCurvesWithTheSameNameAndAucAreRejected() {
        RocChart.Curve au = new RocChart.Curve("Au", FPR, TPR, 0.79, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RocChart("ROC", List.of(au, au)));
        assertTrue(e.getMessage().contains("Au (AUC 0.790)"), e.getMessage());
    }

    @Test
    void aTooSmallSizeIsRejected() {
        RocChart chart = new RocChart("ROC", List.of(new RocChart.Curve("Au", FPR, TPR, 0.79, true)));
        assertThrows(IllegalArgumentException.class, () -> chart.optSize(200, 100));
    }
}
