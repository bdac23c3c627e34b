package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.grid.GridGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Dissolves the favourable cells of a grid into exploration targets. Each 4-connected component of the selected
 * cells (cells sharing an edge; cells touching only at a corner belong to one target only when connected some other
 * way) becomes one target: a valid polygon in the grid's CRS, with holes where it surrounds other cells and vertices
 * on cell corners, and the attributes of {@link Target} over its cells. Targets are ranked by mean probability, ties
 * by larger area, then by their first cell in row-major order, so the ranking is deterministic.
 * <p>
 * Outlines are traced along the cell edges ({@link CellOutline}) rather than unioned from cell squares: work grows
 * with the cells and their edges only, memory with the grid (an int label and a byte of walked edges per cell), and
 * the construction itself guarantees valid polygons where cells touch at corners. Measured on 2 shared cores: a
 * 3072² grid with 10 % of its cells selected in ragged blobs gives 68,631 targets in 0.3–0.8 s once warm (0.9–1.8 s
 * on the first call), allocating 113 MB; {@code overlayng.CoverageUnion} of each target's cell squares took
 * 2.9–5.7 s in the same runs.
 * <p>
 * Configured with {@link #builder()}; immutable and thread-safe.
 */
public final class TargetPolygons {
    private static final Comparator<Candidate> RANKING = Comparator.comparingDouble(Candidate::meanProbability)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Candidate::areaKm2).reversed())
            .thenComparingInt(Candidate::firstCell);

    private final double simplify;
    private final double minAreaKm2;

    private TargetPolygons(double simplify, double minAreaKm2) {
        this.simplify = simplify;
        this.minAreaKm2 = minAreaKm2;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param grid         the grid
     * @param selected     the favourable cells, row-major index row · width + column
     * @param probability  ore probability per cell, row-major; NaN = no data
     * @param memberSpread its standard deviation over the model's members per cell, or null for one member
     * @param depositCells the cell index of each known deposit on the grid (repeated when a cell holds several)
     * @param tiles        the tile layout the probabilities came from, or null for dense (per-cell) prediction
     * @return the targets, rank 1 first; those smaller than the minimum area are left out before ranking
     * @throws IllegalArgumentException when the arrays or the tiles do not fit the grid, a deposit cell is off it, or
     *                                  a selected cell has no probability
     */
    public List<Target> dissolve(GridGeometry grid, BitSet selected, float[] probability, float[] memberSpread,
                                 int[] depositCells, TileLayout tiles) {
        int width = grid.width();
        int cellCount = width * grid.height();
        if (probability.length != cellCount || selected.length() > cellCount) {
            throw new IllegalArgumentException("the grid has " + cellCount + " cells, got " + probability.length
                    + " probabilities and cells selected up to index " + (selected.length() - 1));
        }
        if (tiles != null && (tiles.endRow(tiles.rows() - 1) != grid.height()
                || tiles.endColumn(tiles.columns() - 1) != width)) {
            throw new IllegalArgumentException("tiles " + tiles + " were laid out for another grid than this one of "
                    + width + " × " + grid.height() + " cells");
        }
        DepositCounts depositCounts = new DepositCounts(depositCells, cellCount);
        CellAreas areas = CellAreas.of(grid);
        CellComponents components = new CellComponents(width, grid.height(), selected);
        CellOutline outline = new CellOutline(grid, new GeometryFactory());
        // tileSeenBy[t] = the last component that listed tile t, so each lists a tile once without a set per target
        int[] tileSeenBy = tiles == null ? null : new int[tiles.count() + 1];
        List<Candidate> candidates = new ArrayList<>();
        for (int component = 1; components.next(); component++) {
            double sum = 0;
            double spreadSum = 0;
            float max = Float.NEGATIVE_INFINITY;
            double areaKm2 = 0;
            int deposits = 0;
            List<Integer> tileNumbers = new ArrayList<>();
            for (int i = 0; i < components.size(); i++) {
                int cell = components.cell(i);
                int row = cell / width;
                int column = cell - row * width;
                float p = probability[cell];
                if (Float.isNaN(p)) {
                    throw new IllegalArgumentException("selected cell (column " + column + ", row " + row
                            + ") has no probability");
                }
                sum += p;
                spreadSum += memberSpread == null ? Double.NaN : memberSpread[cell];
                max = Math.max(max, p);
                areaKm2 += areas.km2(row);
                deposits += depositCounts.in(cell);
                if (tiles != null) {
                    int tile = tiles.numberOf(row, column);
                    if (tileSeenBy[tile] != component) {
                        tileSeenBy[tile] = component;
                        tileNumbers.add(tile);
                    }
                }
            }
            if (areaKm2 >= minAreaKm2) {
                tileNumbers.sort(null);
                candidates.add(new Candidate(components.cell(0), simplified(outline.trace(components)), tileNumbers,
                        sum / components.size(), max, spreadSum / components.size(), areaKm2, deposits,
                        components.size()));
            }
        }
        candidates.sort(RANKING);
        List<Target> targets = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            targets.add(c.target(targets.size() + 1));
        }
        return targets;
    }

    /** The simplifier keeps rings apart but may still return an invalid or collapsed polygon: then keep the cells'. */
    private Polygon simplified(Polygon polygon) {
        if (simplify == 0) {
            return polygon;
        }
        Geometry s = TopologyPreservingSimplifier.simplify(polygon, simplify);
        return s instanceof Polygon p && !p.isEmpty() && p.isValid() ? p : polygon;
    }

    /** A target before ranking; {@code firstCell} (its smallest cell index) breaks the last ties. */
    private record Candidate(int firstCell, Polygon geometry, List<Integer> tiles, double meanProbability,
                             double maxProbability, double probabilitySd, double areaKm2, int knownDeposits,
                             int cells) {
        Target target(int rank) {
            return new Target(rank, rank, geometry, tiles, meanProbability, maxProbability, probabilitySd, areaKm2,
                    knownDeposits, cells);
        }
    }

    /** Builder: no simplification and no minimum area by default. */
    public static final class Builder {
        private double simplify;
        private double minAreaKm2;

        /** Simplifies outlines with this tolerance in CRS units, preserving topology (0 = keep every corner). */
        public Builder optSimplify(double toleranceInCrsUnits) {
            this.simplify = toleranceInCrsUnits;
            return this;
        }

        /** Leaves out targets smaller than this many km². */
        public Builder optMinAreaKm2(double minAreaKm2) {
            this.minAreaKm2 = minAreaKm2;
            return this;
        }

        public TargetPolygons build() {
            if (!(simplify >= 0) || !Double.isFinite(simplify)) {
                throw new InvalidInputException("simplify", "simplification tolerance must be 0 (none) or a "
                        + "positive distance in CRS units, got " + simplify);
            }
            if (!(minAreaKm2 >= 0) || !Double.isFinite(minAreaKm2)) {
                throw new InvalidInputException("minAreaKm2", "minimum target area must be 0 (none) or a positive "
                        + "number of km², got " + minAreaKm2);
            }
            return new TargetPolygons(simplify, minAreaKm2);
        }
    }
}
