package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.evaluate.ClassificationMetrics;
import org.geoprospect.evaluate.ConfusionMatrix;
import org.geoprospect.evaluate.Roc;
import org.geoprospect.evaluate.SuccessRateCurve;
import org.geoprospect.grid.CellDisc;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.LabelledLocations;
import org.geoprospect.grid.LabellingParameters;
import org.geoprospect.grid.LocationLabeller;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * How well a prediction matches the known deposits, with the paper's measures.
 * <ul>
 *   <li>Tile protocol: the items are the tiles with a probability; a tile is ore when a deposit lies in it, and
 *       predicted ore when its probability reaches the selection's cut-off — accuracy, AUC, F1 per class and
 *       macro F1, recall and the confusion matrix as in the paper's Table 2.</li>
 *   <li>Dense prediction: the items are the deposits' cells and as many cells sampled away from every deposit
 *       ({@link LocationLabeller}, the same balanced design as selectElements), since per-cell counts over the
 *       whole grid would be all "no ore".</li>
 * </ul>
 * Both also give the success-rate curve over every cell (share of deposits against share of area, ranked by
 * probability) and the coverage the paper reports for its area B: the share of known deposits inside the targets.
 *
 * @param items          "tiles" or "cells": what the classification counts
 * @param classification the confusion matrix and the scores derived from it; empty when dense prediction has
 *                       fewer than {@value LocationLabeller#MIN_DEPOSITS} usable deposits to count
 * @param roc            ROC of the items' probabilities (undefined without both classes); empty as above
 * @param successRate    success-rate curve; empty when no deposit lies on a cell with a probability
 * @param deposits       deposits on cells with a probability
 * @param captured       of those, the ones inside the favourable area
 * @param tiles          per tile, its probability, truth and call (tile protocol only, else empty)
 */
public record PredictionEvaluation(String items, Optional<ClassificationMetrics> classification, Optional<Roc> roc,
                                   Optional<SuccessRateCurve> successRate, int deposits, int captured,
                                   List<TileResult> tiles) {

    /**
     * @param number      the tile's number, 1 = north-west
     * @param probability its ore probability (NaN: no data)
     * @param deposits    deposits in it
     * @param predicted   whether it is called ore
     */
    public record TileResult(int number, double probability, int deposits, boolean predicted) {
        public boolean ore() {
            return deposits > 0;
        }
    }

    /** @return the share of known deposits inside the favourable area; NaN without deposits */
    public double coverage() {
        return deposits == 0 ? Double.NaN : (double) captured / deposits;
    }

    /**
     * @param tiles        the tile layout, or null for dense prediction
     * @param deposits     the known deposits, in the grid's CRS
     * @param depositCells the cells of those on the grid ({@link #depositCells})
     * @param labelling    how to sample the no-ore cells of dense prediction; unused for tiles
     * @param warnings     receives the deposits without a probability, and why a measure is missing
     */
    public static PredictionEvaluation of(GridGeometry grid, ProbabilitySurface surface, TileLayout tiles,
                                          SelectionRule.Selection selection, DepositPoints deposits,
                                          int[] depositCells, LabellingParameters labelling, Warnings warnings) {
        float[] probability = surface.probability();
        int judged = 0;
        int captured = 0;
        for (int cell : depositCells) {
            if (!Float.isNaN(probability[cell])) {
                judged++;
                captured += selection.cells().get(cell) ? 1 : 0;
            }
        }
        Optional<SuccessRateCurve> curve = judged == 0 ? Optional.empty()
                : Optional.of(SuccessRateCurve.of(probability, depositCells, warnings));
        if (tiles != null) {
            return ofTiles(grid, surface, tiles, selection, depositCells, curve, judged, captured);
        }
        boolean[] valid = new boolean[probability.length];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = !Float.isNaN(probability[i]);
        }
        LabelledLocations locations;
        try {
            locations = new LocationLabeller(labelling).label(grid, valid, deposits);
        } catch (InvalidInputException e) {
            warnings.add("no accuracy, AUC or F1: " + e.getMessage());
            return new PredictionEvaluation("cells", Optional.empty(), Optional.empty(), curve, judged, captured,
                    List.of());
        }
        // the labeller's notes would repeat the deposits off the grid or without data, already reported
        int n = locations.positives().length + locations.negatives().length;
        double[] scores = new double[n];
        boolean[] actual = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean positive = i < locations.positives().length;
            int cell = positive ? locations.positives()[i] : locations.negatives()[i - locations.positives().length];
            scores[i] = probability[cell];
            actual[i] = positive;
        }
        return new PredictionEvaluation("cells", Optional.of(metrics(scores, actual, selection.cutoff())),
                Optional.of(Roc.of(scores, actual)), curve, judged, captured, List.of());
    }

    /**
     * @param warnings receives the deposits off the grid, named
     * @return the cell (row-major) of each deposit on the grid, in order
     */
    public static int[] depositCells(GridGeometry grid, DepositPoints deposits, Warnings warnings) {
        List<Integer> cells = new ArrayList<>();
        List<String> offGrid = deposits.locate(grid, new CellDisc(0), new BitSet(),
                (i, row, column) -> cells.add(row * grid.width() + column));
        if (!offGrid.isEmpty()) {
            warnings.add(offGrid.size() + " of " + deposits.size() + " deposits lie off the grid: "
                    + String.join("; ", offGrid.subList(0, Math.min(5, offGrid.size())))
                    + (offGrid.size() > 5 ? " …" : ""));
        }
        return cells.stream().mapToInt(Integer::intValue).toArray();
    }

    private static PredictionEvaluation ofTiles(GridGeometry grid, ProbabilitySurface surface, TileLayout tiles,
                                                SelectionRule.Selection selection, int[] depositCells,
                                                Optional<SuccessRateCurve> curve, int judged, int captured) {
        int[] perTile = new int[tiles.count()];
        for (int cell : depositCells) {
            perTile[tiles.numberOf(cell / grid.width(), cell % grid.width()) - 1]++;
        }
        List<TileResult> results = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Boolean> actual = new ArrayList<>();
        for (int t = 0; t < tiles.count(); t++) {
            double p = surface.tileProbability()[t];
            boolean predicted = p >= selection.cutoff();
            results.add(new TileResult(t + 1, p, perTile[t], predicted));
            if (!Double.isNaN(p)) {
                scores.add(p);
                actual.add(perTile[t] > 0);
            }
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] a = new boolean[actual.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = actual.get(i);
        }
        return new PredictionEvaluation("tiles", Optional.of(metrics(s, a, selection.cutoff())),
                Optional.of(Roc.of(s, a)), curve, judged, captured, List.copyOf(results));
    }

    private static ClassificationMetrics metrics(double[] scores, boolean[] actual, double cutoff) {
        return ClassificationMetrics.of(ConfusionMatrix.atThreshold(scores, actual, cutoff));
    }
}
