package org.geoprospect.evaluate.chart;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Renders one realistic example of each chart to {@code target/chart-examples/} for a person to look at (forty ROC
 * curves, success- and prediction-rate curves, a class-imbalanced confusion matrix), and checks each decodes at the
 * size asked for.
 */
class ChartExamplesTest {
    private static final Path FOLDER = Path.of("target", "chart-examples");
    private static final String[] ELEMENTS = {"Au", "As", "Sb", "Bi", "Te", "W", "Mo", "Cu", "Pb", "Zn", "Ag", "Ni",
            "Co", "Cr", "V", "Fe", "Mn", "Ti", "Al", "Ca", "Mg", "Na", "K", "P", "Ba", "Sr", "La", "Ce", "Y", "Zr",
            "Sc", "Th", "U", "B", "Li", "Be", "Ga", "Sn", "Cd", "Hg"};

    @Test
    void rocChartOfFortyElements() throws Exception {
        List<RocChart.Curve> curves = new ArrayList<>();
        for (int i = 0; i < ELEMENTS.length; i++) {
            double strength = i < 5 ? 2.5 - 0.3 * i : 0.4 + 0.8 * Math.sin(i);
            curves.add(Fixtures.binormalRoc(ELEMENTS[i], strength, i < 5));
        }
        check(new RocChart("ROC of single elements against known Au deposits", curves), "roc.png", 1200, 900);
    }

    @Test
    void successAndPredictionRateCurves() throws Exception {
        int n = 101;
        double[] area = new double[n];
        double[] success = new double[n];
        double[] prediction = new double[n];
        for (int i = 0; i < n; i++) {
            area[i] = i / (n - 1.0);
            success[i] = 1 - Math.pow(1 - area[i], 6);
            prediction[i] = 1 - Math.pow(1 - area[i], 3.5);
        }
        CurveChart chart = new CurveChart("Success and prediction rates of the CNN prospectivity map",
                "Fraction of study area (most prospective first)", "Fraction of deposits",
                List.of(new CurveChart.Series("Success rate (training deposits)", area, success),
                        new CurveChart.Series("Prediction rate (held-out deposits)", area, prediction)))
                .optDiagonal().optXRange(0, 1).optYRange(0, 1);
        check(chart, "rates.png", 1200, 900);
    }

    @Test
    void trainingLossPerEpoch() throws Exception {
        int epochs = 50;
        double[] epoch = new double[epochs];
        double[] training = new double[epochs];
        double[] validation = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            epoch[i] = i + 1;
            training[i] = 0.15 + 0.55 * Math.exp(-i / 8.0);
            validation[i] = 0.22 + 0.5 * Math.exp(-i / 10.0) + 0.002 * Math.max(0, i - 25);
        }
        CurveChart chart = new CurveChart("CNN training", "Epoch", "Cross-entropy loss",
                List.of(new CurveChart.Series("training", epoch, training),
                        new CurveChart.Series("validation", epoch, validation)));
        check(chart, "loss.png", 1200, 900);
    }

    @Test
    void confusionMatrix() throws Exception {
        ConfusionMatrixChart chart = new ConfusionMatrixChart("CNN on held-out cells", List.of("ore", "no ore"),
                new long[][] {{37, 11}, {412, 9_540}});
        check(chart, "confusion.png", 1200, 900);
    }

    private static void check(Chart chart, String name, int width, int height) throws Exception {
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve(name);
        chart.writePng(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
