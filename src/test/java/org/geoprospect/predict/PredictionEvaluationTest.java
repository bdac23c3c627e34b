package org.geoprospect.predict;

import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;
import org.geoprospect.evaluate.ClassificationMetrics;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.Extent;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.LabellingParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionEvaluationTest {
    // 4 × 4 cells of 100 m, 2 × 2 tiles of 2 × 2 cells
    private static final GridGeometry GRID = GridGeometry.ofSize(Crs.epsg(32650), new Extent(0, 0, 400, 400), 4, 4);

    @Test
    void tileProtocolCountsAsWorkedOutByHand() {
        TileLayout tiles = TileLayout.parse("2x2", 4, 4);
        double[] tileP = {0.9, 0.2, 0.6, 0.4};
        float[] p = new float[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                p[r * 4 + c] = (float) tileP[tiles.numberOf(r, c) - 1];
            }
        }
        ProbabilitySurface surface = new ProbabilitySurface(p, null, null, tileP, 4);
        // one deposit in tile 1 (north-west), one in tile 4 (south-east), one off the grid
        DepositPoints deposits = new DepositPoints(new double[] {50, 350, 900}, new double[] {350, 50, 50},
                List.of("A", "B", "C"));
        Warnings warnings = new Warnings();
        int[] cells = PredictionEvaluation.depositCells(GRID, deposits, warnings);
        assertArrayEquals(new int[] {0, 15}, cells);
        assertTrue(warnings.list().get(0).startsWith("1 of 3 deposits lie off the grid: C"), warnings.list().get(0));
        SelectionRule.Selection selection = SelectionRule.threshold(0.5).apply(p); // tiles 1 and 3

        PredictionEvaluation e = PredictionEvaluation.of(GRID, surface, tiles, selection, deposits, cells,
                LabellingParameters.builder().build(), warnings);
        // truth: tiles 1, 4 ore; called: 1, 3 → TP 1 (tile 1), FP 1 (3), FN 1 (4), TN 1 (2)
        ClassificationMetrics m = e.classification().orElseThrow();
        assertEquals(1, m.matrix().tp());
        assertEquals(1, m.matrix().fp());
        assertEquals(1, m.matrix().fn());
        assertEquals(1, m.matrix().tn());
        assertEquals(0.5, m.accuracy());
        assertEquals(0.5, m.recall());
        assertEquals(0.5, m.macroF1());
        // ore {0.9, 0.4} against no ore {0.2, 0.6}: 3 of 4 pairs ordered right
        assertEquals(0.75, e.roc().orElseThrow().auc().getAsDouble(), 1e-12);
        assertEquals(2, e.deposits());
        assertEquals(1, e.captured());
        assertEquals(0.5, e.coverage());
        assertEquals("tiles", e.items());
        assertEquals(List.of(new PredictionEvaluation.TileResult(1, 0.9, 1, true),
                new PredictionEvaluation.TileResult(2, 0.2, 0, false),
                new PredictionEvaluation.TileResult(3, 0.6, 0, true),
                new PredictionEvaluation.TileResult(4, 0.4, 1, false)), e.tiles());
        // success rate: the best quarter (tile 1) holds half the deposits
        assertEquals(0.5, e.successRate().orElseThrow().captureAt(0.25), 1e-12);
    }

    @Test
    void densePredictionIsCountedOnDepositCellsAndAsManyCellsAwayFromThem() {
        GridGeometry grid = GridGeometry.ofSize(Crs.epsg(32650), new Extent(0, 0, 2000, 2000), 20, 20);
        float[] p = new float[400];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.1f;
        }
        // three deposits in the west, on cells of probability 0.8; the east is 0.1 except one false alarm
        double[] x = {150, 250, 150};
        double[] y = {1850, 1050, 350};
        for (int i = 0; i < 3; i++) {
            p[grid.row(y[i]) * 20 + grid.column(x[i])] = 0.8f;
        }
        DepositPoints deposits = new DepositPoints(x, y, List.of("a", "b", "c"));
        ProbabilitySurface surface = new ProbabilitySurface(p, null, null, null, 1);
        Warnings warnings = new Warnings();
        int[] cells = PredictionEvaluation.depositCells(grid, deposits, warnings);
        PredictionEvaluation e = PredictionEvaluation.of(grid, surface, null,
                SelectionRule.threshold(0.5).apply(p), deposits, cells, LabellingParameters.builder().build(),
                warnings);
        assertEquals("cells", e.items());
        ClassificationMetrics m = e.classification().orElseThrow();
        assertEquals(3, m.matrix().tp());
        assertEquals(3, m.matrix().tn());
        assertEquals(1.0, m.accuracy());
        assertEquals(1.0, e.roc().orElseThrow().auc().getAsDouble());
        assertEquals(1.0, e.coverage());
        assertTrue(e.tiles().isEmpty());

        // with two deposits there is nothing to count, but coverage and the success rate remain
        DepositPoints two = new DepositPoints(new double[] {150, 250}, new double[] {1850, 1050}, List.of("a", "b"));
        Warnings w2 = new Warnings();
        PredictionEvaluation e2 = PredictionEvaluation.of(grid, surface, null, SelectionRule.threshold(0.5).apply(p),
                two, PredictionEvaluation.depositCells(grid, two, w2), LabellingParameters.builder().build(), w2);
        assertTrue(e2.classification().isEmpty());
        assertEquals(1.0, e2.coverage());
        assertTrue(w2.list().get(0).startsWith("no accuracy, AUC or F1"), w2.list().toString());
    }
}
