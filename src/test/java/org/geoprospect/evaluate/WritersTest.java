package org.geoprospect.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WritersTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void significanceJsonReadsBack() throws IOException {
        AucSignificance s = new AucSignificance(0.75, 4, 5);
        Path file = dir.resolve("auc.json");
        MetricsJson.write(MetricsJson.toJson(s), file);
        JsonNode read = MAPPER.readTree(file.toFile());
        assertEquals(0.75, read.get("auc").doubleValue());
        assertEquals(4, read.get("positives").intValue());
        assertEquals(5, read.get("negatives").intValue());
        assertEquals(Math.sqrt(87.0 / 2800), read.get("sigma").doubleValue(), 1e-15);
        assertEquals(s.zauc(), read.get("zauc").doubleValue());
        assertEquals(s.pValue(), read.get("pValue").doubleValue());
    }

    @Test
    void infiniteZaucIsAStringInJson() {
        JsonNode node = MetricsJson.toJson(new AucSignificance(1, 2, 2));
        assertEquals("Infinity", node.get("zauc").textValue());
    }

    @Test
    void classificationJsonReadsBack() throws IOException {
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(MetricsJson.toJson(ClassificationMetrics.of(new ConfusionMatrix(0, 0, 5, 3))), file);
        JsonNode read = MAPPER.readTree(file.toFile());
        assertEquals(3, read.get("fn").intValue());
        assertEquals(5, read.get("tn").intValue());
        assertEquals(5.0 / 8, read.get("accuracy").doubleValue());
        assertEquals(10.0 / 13, read.get("f1NoOre").doubleValue(), 1e-15);
        assertEquals("precision", read.get("zeroDivision").get(0).textValue());
        assertEquals(1, read.get("zeroDivision").size());
    }

    @Test
    void rocCsvReadsBackUnderAnyLocale() throws IOException {
        Roc roc = Roc.of(new double[] {0.9, 0.8, 0.8, 0.7}, new boolean[] {true, true, false, false});
        Path file = dir.resolve("roc.csv");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            CurveCsv.writeRoc(roc, file);
        } finally {
            Locale.setDefault(before);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("fpr,tpr,threshold", "0.0,0.0,Infinity", "0.0,0.5,0.9", "0.5,1.0,0.8",
                "1.0,1.0,0.7"), lines);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            RocPoint p = roc.points().get(i - 1);
            assertEquals(p, new RocPoint(Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[2])));
        }
        assertThrows(InvalidInputException.class,
                () -> CurveCsv.writeRoc(Roc.of(new double[] {1}, new boolean[] {true}), dir.resolve("none.csv")));
    }

    @Test
    void successRateCsvReadsBack() throws IOException {
        float[] scores = {0.3f, 0.1f, 0.3f};
        SuccessRateCurve curve = SuccessRateCurve.of(scores, new int[] {1, 2, 2}, new Warnings());
        Path file = dir.resolve("success.csv");
        CurveCsv.writeSuccessRate(curve, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("area_share,deposit_share", lines.get(0));
        assertEquals(curve.points().size(), lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            assertEquals(curve.points().get(i - 1),
                    new SuccessRatePoint(Double.parseDouble(cells[0]), Double.parseDouble(cells[1])));
        }
        // the 0.3 tie group: 2 of 3 cells, 2 of 3 deposits
        assertEquals(new SuccessRatePoint(2.0 / 3, 2.0 / 3), curve.points().get(1));
        assertEquals(4.0 / 9 / 2 + 1.0 / 3 * (2.0 / 3 + 1) / 2, curve.auc(), 1e-15);
    }
}
