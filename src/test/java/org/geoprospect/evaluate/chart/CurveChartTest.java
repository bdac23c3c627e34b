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

class CurveChartTest {
    private static final double[] AREA = {0, 0.1, 0.2, 0.5, 1};
    private static final double[] SUCCESS = {0, 0.6, 0.8, 0.95, 1};
    private static final double[] PREDICTION = {0, 0.4, 0.6, 0.85, 1};

    @TempDir
    Path dir;

    private static CurveChart rates() {
        return new CurveChart("Rates", "Fraction of area", "Fraction of deposits",
                List.of(new CurveChart.Series("success", AREA, SUCCESS),
                        new CurveChart.Series("prediction", AREA, PREDICTION)));
    }

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("rates.png");
        rates().optSize(640, 480).writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void eachSeriesHasItsOwnColour() {
        BufferedImage image = rates().render();
        assertTrue(Pixels.count(image, ChartStyle.highlightColour(0)) > 1000);
        assertTrue(Pixels.count(image, ChartStyle.highlightColour(1)) > 1000);
    }

    @Test
    void theDiagonalIsDrawnOnlyWhenAskedFor() {
        // a few antialiased text pixels happen to match the grey exactly
        int without = Pixels.count(rates().render(), ChartStyle.REFERENCE_GREY);
        int with = Pixels.count(rates().optDiagonal().render(), ChartStyle.REFERENCE_GREY);
        assertTrue(without < 50, "without: " + without);
        assertTrue(with > without + 300, "with: " + with);
    }

    @Test
    void aFixedXRangeSqueezesTheData() {
        Rectangle fitted = Pixels.bounds(rates().render(), ChartStyle.highlightColour(0));
        Rectangle fixed = Pixels.bounds(rates().optXRange(0, 4).render(), ChartStyle.highlightColour(0));
        assertTrue(fixed.width < fitted.width * 0.5, fitted + " vs " + fixed);
    }

    @Test
    void aFixedYRangeSqueezesTheData() {
        double[] x = {0, 1, 2};
        double[] y = {0.2, 0.5, 0.3};
        CurveChart chart = new CurveChart("Loss", "Epoch", "Loss", List.of(new CurveChart.Series("loss", x, y)));
        Rectangle fitted = Pixels.bounds(chart.render(), ChartStyle.highlightColour(0));
        Rectangle fixed = Pixels.bounds(chart.optYRange(0, 5).render(), ChartStyle.highlightColour(0));
        assertTrue(fixed.height < fitted.height * 0.5, fitted + " vs " + fixed);
    }

    @Test
    void noSeriesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CurveChart("Loss", "Epoch", "Loss", List.of()));
        assertTrue(e.getMessage().contains("at least one series"), e.getMessage());
    }

    @Test
    void arraysOfDifferentLengthsAreRejectedNamingTheSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CurveChart.Series("loss", new double[] {1, 2, 3}, new double[] {0.5, 0.4}));
        assertEquals("loss: x has 3 values but y has 2; each point needs both", e.getMessage());
    }

    @Test
    void anEmptySeriesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CurveChart.Series("loss", new double[0], new double[0]));
        assertTrue(e.getMessage().contains("at least one point"), e.getMessage());
    }

    @Test
    void anEmptyAxisRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rates().optYRange(1, 1));
        assertTrue(e.getMessage().contains("lower < upper"), e.getMessage());
    }
}
