package org.geoprospect.predict;

/**
 * The model's ore probability over the grid.
 *
 * @param probability     per cell, row-major; NaN where the cell lacks data or no window judged it
 * @param spread          per cell, the standard deviation over test-time flips; null without them
 * @param memberSpread    per cell, the standard deviation over the model's members (its folds); null with one
 * @param tileProbability per tile (index = tile number − 1) in the tile protocol, NaN for a tile mostly without
 *                        data; null for dense prediction
 * @param windows         windows the network scored
 */
public record ProbabilitySurface(float[] probability, float[] spread, float[] memberSpread, double[] tileProbability,
                                 int windows) {
}
