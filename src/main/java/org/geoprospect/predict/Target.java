package org.geoprospect.predict;

import org.locationtech.jts.geom.Polygon;

import java.util.List;

/**
 * One exploration target: a connected favourable area (cells or tiles sharing an edge), in the grid's CRS.
 *
 * @param id              1, 2, … in the order of rank, stable for a given input
 * @param rank            1 = most prospective (highest mean probability; ties by larger area)
 * @param geometry        the area, in the grid's CRS, valid (JTS {@code isValid})
 * @param tiles           the numbers of the tiles it covers in the tile protocol, ascending; empty for dense
 *                        prediction
 * @param meanProbability the mean ore probability over its cells
 * @param maxProbability  the highest ore probability of its cells
 * @param probabilitySd   the mean over its cells of the probability's standard deviation over the model's members;
 *                        NaN for a model of one member
 * @param areaKm2         its area in km² (of its cells, before any simplification)
 * @param knownDeposits   known deposits lying in it
 * @param cells           grid cells it holds
 */
public record Target(int id, int rank, Polygon geometry, List<Integer> tiles, double meanProbability,
                     double maxProbability, double probabilitySd, double areaKm2, int knownDeposits, int cells) {
    public Target {
        tiles = List.copyOf(tiles);
    }

    /** @return {@code known} when it holds a known deposit (it confirms known ore), else {@code new} */
    public String status() {
        return knownDeposits > 0 ? "known" : "new";
    }
}
