package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.GridGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetPolygonsTest {
    private static final Crs UTM50 = Crs.epsg(32650);
    /** Non-square cells (10 × 20 m) so that a swapped width and height shows. */
    private static final double CELL_WIDTH = 10;
    private static final double CELL_HEIGHT = 20;
    private static final double CELL_KM2 = CELL_WIDTH * CELL_HEIGHT / 1e6;
    private static final TargetPolygons DISSOLVE = TargetPolygons.builder().build();

    private static GridGeometry grid(int width, int height) {
        return new GridGeometry(UTM50, 1000, 5000, CELL_WIDTH, CELL_HEIGHT, width, height);
    }

    /** Rows of '#' (selected) and '.' (not), north first. */
    private static BitSet mask(String... rows) {
        BitSet selected = new BitSet();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                if (rows[r].charAt(c) == '#') {
                    selected.set(r * rows[0].length() + c);
                }
            }
        }
        return selected;
    }

    private static List<Target> dissolve(String... rows) {
        GridGeometry grid = grid(rows[0].length(), rows.length);
        return DISSOLVE.dissolve(grid, mask(rows), uniform(grid, 0.5f), null, new int[0], null);
    }

    private static float[] uniform(GridGeometry grid, float p) {
        float[] probability = new float[grid.width() * grid.height()];
        Arrays.fill(probability, p);
        return probability;
    }

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void oneCellIsItsSquare() throws Exception {
        GridGeometry grid = grid(4, 3);
        BitSet selected = new BitSet();
        selected.set(1 * 4 + 2);
        List<Target> targets = DISSOLVE.dissolve(grid, selected, uniform(grid, 0.7f), null, new int[0], null);

        assertEquals(1, targets.size());
        Polygon square = targets.get(0).geometry();
        // column 2 spans x 1020…1030, row 1 spans y 4960…4980
        assertTrue(square.equalsTopo(wkt("POLYGON ((1020 4960, 1030 4960, 1030 4980, 1020 4980, 1020 4960))")),
                square.toText());
        assertEquals(5, square.getNumPoints());
        assertEquals(200, square.getArea(), 1e-9);
        assertEquals(0.0002, targets.get(0).areaKm2(), 1e-15);
        assertEquals(1, targets.get(0).cells());
        assertTrue(Orientation.isCCW(square.getExteriorRing().getCoordinates()),
                "shell wound counter-clockwise as in RFC 7946");
    }

    @Test
    void lShapeHasSixCorners() throws Exception {
        List<Target> targets = dissolve(
                "#..",
                "##.");
        assertEquals(1, targets.size());
        Polygon l = targets.get(0).geometry();
        assertTrue(l.equalsTopo(wkt("POLYGON ((1000 5000, 1010 5000, 1010 4980, 1020 4980, 1020 4960, 1000 4960,"
                + " 1000 5000))")), l.toText());
        assertEquals(7, l.getNumPoints(), "no collinear vertices: " + l.toText());
        assertEquals(3 * CELL_KM2, targets.get(0).areaKm2(), 1e-15);
    }

    @Test
    void ringAroundAnUnselectedCellHasOneHole() throws Exception {
        List<Target> targets = dissolve(
                "###",
                "#.#",
                "###");
        assertEquals(1, targets.size());
        Polygon ring = targets.get(0).geometry();
        assertValid(ring);
        assertEquals(1, ring.getNumInteriorRing());
        Polygon hole = ring.getFactory().createPolygon(ring.getInteriorRingN(0));
        assertTrue(hole.equalsTopo(wkt("POLYGON ((1010 4980, 1020 4980, 1020 4960, 1010 4960, 1010 4980))")),
                hole.toText());
        assertEquals(8 * CELL_WIDTH * CELL_HEIGHT, ring.getArea(), 1e-9);
        assertEquals(8, targets.get(0).cells());
        assertEquals(8 * CELL_KM2, targets.get(0).areaKm2(), 1e-15);
    }

    @Test
    void diagonalCellsAreSeparateTargets() {
        List<Target> targets = dissolve(
                "#.",
                ".#");
        assertEquals(2, targets.size());
        for (Target t : targets) {
            assertValid(t.geometry());
            assertEquals(1, t.cells());
            assertEquals(5, t.geometry().getNumPoints());
        }
        assertEquals(0, targets.get(0).geometry().intersection(targets.get(1).geometry()).getArea());
    }

    @Test
    void holeTouchingTheOutsideAtACornerGivesAValidPolygon() {
        // the hole (centre) and the outside (north-west corner) meet at one corner, where two selected cells touch
        List<Target> targets = dissolve(
                ".##",
                "#.#",
                "###");
        assertEquals(1, targets.size());
        Polygon p = targets.get(0).geometry();
        assertValid(p);
        assertEquals(1, p.getNumInteriorRing());
        assertEquals(7 * CELL_WIDTH * CELL_HEIGHT, p.getArea(), 1e-9);
        assertEquals(7, targets.get(0).cells());
    }

    @Test
    void holesTouchingAtACornerGiveAValidPolygon() {
        List<Target> targets = dissolve(
                "####",
                "#.##",
                "##.#",
                "####");
        assertEquals(1, targets.size());
        Polygon p = targets.get(0).geometry();
        assertValid(p);
        assertEquals(2, p.getNumInteriorRing());
        assertEquals(14 * CELL_WIDTH * CELL_HEIGHT, p.getArea(), 1e-9);
    }

    @Test
    void cellsTouchingAtACornerInsideARingOfCellsGiveValidPolygons() {
        // the ring's two inner corners touch the island diagonally; the island is a separate target
        List<Target> targets = dissolve(
                "#####",
                "#...#",
                "#.#.#",
                "#..##",
                "#####");
        assertEquals(2, targets.size());
        for (Target t : targets) {
            assertValid(t.geometry());
            assertEquals(t.cells() * CELL_WIDTH * CELL_HEIGHT, t.geometry().getArea(), 1e-9);
        }
        assertEquals(0, targets.get(0).geometry().intersection(targets.get(1).geometry()).getArea(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"1, 0.2", "2, 0.45", "3, 0.5", "4, 0.55", "5, 0.593", "6, 0.65", "7, 0.8", "8, 0.95"})
    void randomMasksDissolveIntoExactValidPolygons(long seed, double density) {
        int width = 60;
        int height = 50;
        GridGeometry grid = grid(width, height);
        Random random = new Random(seed);
        BitSet selected = new BitSet();
        for (int i = 0; i < width * height; i++) {
            if (random.nextDouble() < density) {
                selected.set(i);
            }
        }
        List<Target> targets = DISSOLVE.dissolve(grid, selected, uniform(grid, 0.5f), null, new int[0], null);

        assertEquals(floodFillComponents(selected, width, height), targets.size());
        double area = 0;
        int cells = 0;
        for (Target t : targets) {
            Polygon p = t.geometry();
            assertValid(p);
            assertEquals(t.cells() * CELL_WIDTH * CELL_HEIGHT, p.getArea(), 1e-6);
            assertOnCellCorners(grid, p);
            area += p.getArea();
            cells += t.cells();
        }
        assertEquals(selected.cardinality(), cells);
        assertEquals(selected.cardinality() * CELL_WIDTH * CELL_HEIGHT, area, 1e-6);
        // no two targets overlap (intersection area 0) exactly when their union has the sum of their areas
        GeometryFactory factory = new GeometryFactory();
        Geometry union = factory.buildGeometry(targets.stream().map(Target::geometry).toList()).union();
        assertEquals(area, union.getArea(), 1e-6);
        // each selected cell's centre lies in exactly one target, and each target is the union of those cells
        int[] holders = new int[width * height];
        List<List<Geometry>> squares = new ArrayList<>();
        for (Target t : targets) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(t.geometry());
            Envelope envelope = t.geometry().getEnvelopeInternal();
            List<Geometry> inside = new ArrayList<>();
            for (int row = grid.row(envelope.getMaxY()); row <= grid.row(envelope.getMinY()) && row < height; row++) {
                for (int column = grid.column(envelope.getMinX()); column <= grid.column(envelope.getMaxX())
                        && column < width; column++) {
                    Coordinate centre = new Coordinate(grid.centreX(column), grid.centreY(row));
                    if (locator.locate(centre) == Location.INTERIOR) {
                        holders[row * width + column]++;
                        inside.add(factory.toGeometry(new Envelope(grid.minX() + column * CELL_WIDTH,
                                grid.minX() + (column + 1) * CELL_WIDTH, grid.maxY() - (row + 1) * CELL_HEIGHT,
                                grid.maxY() - row * CELL_HEIGHT)));
                    }
                }
            }
            squares.add(inside);
        }
        for (int cell = 0; cell < width * height; cell++) {
            assertEquals(selected.get(cell) ? 1 : 0, holders[cell], "targets holding cell " + cell);
        }
        for (int t = 0; t < targets.size(); t++) {
            Geometry itsCells = CoverageUnion.union(factory.buildGeometry(squares.get(t)));
            assertTrue(itsCells.equalsTopo(targets.get(t).geometry()), "target " + t + " is not its cells' union");
        }
    }

    /** An independent count: 4-connected components by a breadth-first fill over a boolean grid. */
    private static int floodFillComponents(BitSet selected, int width, int height) {
        boolean[][] seen = new boolean[height][width];
        int count = 0;
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                if (!selected.get(row * width + column) || seen[row][column]) {
                    continue;
                }
                count++;
                ArrayDeque<int[]> queue = new ArrayDeque<>();
                queue.add(new int[] {row, column});
                seen[row][column] = true;
                while (!queue.isEmpty()) {
                    int[] cell = queue.poll();
                    for (int[] step : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                        int r = cell[0] + step[0];
                        int c = cell[1] + step[1];
                        if (r >= 0 && r < height && c >= 0 && c < width && !seen[r][c]
                                && selected.get(r * width + c)) {
                            seen[r][c] = true;
                            queue.add(new int[] {r, c});
                        }
                    }
                }
            }
        }
        return count;
    }

    private static void assertValid(Polygon p) {
        TopologyValidationError error = new IsValidOp(p).getValidationError();
        assertTrue(error == null, () -> error + " in " + p.toText());
    }

    private static void assertOnCellCorners(GridGeometry grid, Polygon p) {
        for (Coordinate v : p.getCoordinates()) {
            long column = Math.round((v.x - grid.minX()) / grid.cellWidth());
            long row = Math.round((grid.maxY() - v.y) / grid.cellHeight());
            assertEquals(grid.minX() + column * grid.cellWidth(), v.x, 0.0, "x of " + v);
            assertEquals(grid.maxY() - row * grid.cellHeight(), v.y, 0.0, "y of " + v);
        }
    }

    @Test
    void attributesAreThoseOfTheCells() {
        // target A: cells 0, 1, 4 (probabilities .2 .4 .9); target B: cells 3, 7 (.6 .6)
        GridGeometry grid = grid(4, 3);
        BitSet selected = mask(
                "##.#",
                "#..#",
                "....");
        float[] probability = {
                0.2f, 0.4f, 0.1f, 0.6f,
                0.9f, Float.NaN, 0.3f, 0.6f,
                Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        // two deposits in cell 4, one in cell 7, one in an unselected cell
        int[] deposits = {4, 7, 4, 10};
        TileLayout tiles = new TileLayout(2, 2, 4, 3);

        float[] memberSpread = new float[probability.length];
        for (int i = 0; i < memberSpread.length; i++) {
            memberSpread[i] = i / 100f;
        }
        List<Target> targets = DISSOLVE.dissolve(grid, selected, probability, memberSpread, deposits, tiles);

        assertEquals(2, targets.size());
        Target b = targets.get(0);
        Target a = targets.get(1);
        assertEquals(1, b.id());
        assertEquals(1, b.rank());
        assertEquals(0.6, b.meanProbability(), 1e-6);
        assertEquals(0.6, b.maxProbability(), 1e-6);
        assertEquals((0.03 + 0.07) / 2, b.probabilitySd(), 1e-6, "the mean of its cells' spreads");
        assertEquals(2, b.cells());
        assertEquals(1, b.knownDeposits());
        assertEquals("known", b.status());
        // rows 0-1 are tile row 0 (edges round(3/2) = 2), columns 2-3 tile column 1
        assertEquals(List.of(2), b.tiles());

        assertEquals(2, a.id());
        assertEquals((0.2 + 0.4 + 0.9) / 3, a.meanProbability(), 1e-6);
        assertEquals(0.9, a.maxProbability(), 1e-6);
        assertEquals((0 + 0.01 + 0.04) / 3, a.probabilitySd(), 1e-6);
        assertEquals(3, a.cells());
        assertEquals(3 * CELL_KM2, a.areaKm2(), 1e-15);
        assertEquals(2, a.knownDeposits());
        assertEquals(List.of(1), a.tiles());
    }

    @Test
    void tilesAreSortedAndDistinctAndEmptyForDensePrediction() {
        GridGeometry grid = grid(4, 4);
        BitSet selected = mask(
                "....",
                ".##.",
                ".##.",
                "....");
        float[] probability = uniform(grid, 0.5f);
        TileLayout tiles = new TileLayout(2, 2, 4, 4);
        assertEquals(List.of(1, 2, 3, 4), DISSOLVE.dissolve(grid, selected, probability, null, new int[0], tiles)
                .get(0).tiles());
        Target dense = DISSOLVE.dissolve(grid, selected, probability, null, new int[0], null).get(0);
        assertEquals(List.of(), dense.tiles());
        assertEquals("new", dense.status());
        assertEquals(0, dense.knownDeposits());
    }

    @Test
    void rankedByMeanThenLargerAreaThenFirstCell() {
        GridGeometry grid = grid(7, 3);
        BitSet selected = mask(
                "#.#.##.",
                "..#....",
                "#.....#");
        // binary fractions, so that equal means are equal: cell 20 (mean .875) first; then three of mean .5 — the
        // 2-cell targets at cells 2, 9 and at 4, 5 (in that order), the 1-cell one at 14; cell 0 (mean .125) last
        float[] probability = new float[21];
        Arrays.fill(probability, Float.NaN);
        probability[0] = 0.125f;
        probability[2] = 0.25f;
        probability[9] = 0.75f;
        probability[4] = 0.5f;
        probability[5] = 0.5f;
        probability[14] = 0.5f;
        probability[20] = 0.875f;

        List<Target> targets = DISSOLVE.dissolve(grid, selected, probability, null, new int[0], null);

        assertEquals(5, targets.size());
        assertEquals(List.of(1, 2, 3, 4, 5), targets.stream().map(Target::id).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), targets.stream().map(Target::rank).toList());
        assertEquals(List.of(1, 2, 2, 1, 1), targets.stream().map(Target::cells).toList());
        assertEquals(List.of(0.875, 0.75, 0.5, 0.5, 0.125),
                targets.stream().map(Target::maxProbability).toList());
        assertEquals(List.of(0.875, 0.5, 0.5, 0.5, 0.125),
                targets.stream().map(Target::meanProbability).toList());

        List<Target> large = TargetPolygons.builder().optMinAreaKm2(2 * CELL_KM2 * 0.999).build()
                .dissolve(grid, selected, probability, null, new int[0], null);
        assertEquals(List.of(1, 2), large.stream().map(Target::id).toList());
        assertEquals(List.of(2, 2), large.stream().map(Target::cells).toList());
        assertEquals(0.75, large.get(0).maxProbability());
    }

    @Test
    void geographicCellsHaveTheirSphericalArea() {
        // 0.5° × 0.25° cells from 60° N; the hand computation is R²·Δλ·|sin φ1 − sin φ2| with R = 6371007.2 m
        GridGeometry grid = new GridGeometry(Crs.epsg(4326), 10, 60, 0.5, 0.25, 3, 4);
        BitSet selected = mask(
                "##.",
                "...",
                "...",
                "..#");
        List<Target> targets = DISSOLVE.dissolve(grid, selected, uniform(grid, 0.5f), null, new int[0], null);

        double row0 = 775.6888801619458; // 60° … 59.75°
        double row3 = 793.1204505666183; // 59.25° … 59°
        assertEquals(2, targets.size());
        Target top = targets.get(0); // larger area wins the tie on mean
        assertEquals(2 * row0, top.areaKm2(), 1e-9);
        assertEquals(row3, targets.get(1).areaKm2(), 1e-9);
    }

    @Test
    void projectedCellAreaIsInMetresOfTheCrsUnit() {
        BitSet one = new BitSet();
        one.set(0);
        GridGeometry metres = new GridGeometry(UTM50, 500000, 4000000, 100, 100, 2, 2);
        assertEquals(0.01, DISSOLVE.dissolve(metres, one, uniform(metres, 0.5f), null, new int[0], null).get(0).areaKm2(),
                1e-15);
        // EPSG:2227 is in US survey feet, 1200/3937 m: a 1000 ft square is 92,903.41 m²
        GridGeometry feet = new GridGeometry(Crs.epsg(2227), 6000000, 2000000, 1000, 1000, 2, 2);
        assertEquals(0.09290341161327485,
                DISSOLVE.dissolve(feet, one, uniform(feet, 0.5f), null, new int[0], null).get(0).areaKm2(), 1e-12);
    }

    @Test
    void simplifyingKeepsValidityAndTheCellsArea() {
        int width = 60;
        int height = 50;
        GridGeometry grid = grid(width, height);
        Random random = new Random(42);
        BitSet selected = new BitSet();
        for (int i = 0; i < width * height; i++) {
            if (random.nextDouble() < 0.6) {
                selected.set(i);
            }
        }
        List<Target> exact = DISSOLVE.dissolve(grid, selected, uniform(grid, 0.5f), null, new int[0], null);
        List<Target> simple = TargetPolygons.builder().optSimplify(25).build()
                .dissolve(grid, selected, uniform(grid, 0.5f), null, new int[0], null);

        assertEquals(exact.size(), simple.size());
        int exactPoints = 0;
        int simplePoints = 0;
        for (int i = 0; i < exact.size(); i++) {
            Target e = exact.get(i);
            Target s = simple.get(i);
            assertValid(s.geometry());
            assertEquals(e.cells(), s.cells());
            assertEquals(e.areaKm2(), s.areaKm2());
            exactPoints += e.geometry().getNumPoints();
            simplePoints += s.geometry().getNumPoints();
        }
        assertTrue(simplePoints < exactPoints, simplePoints + " points simplified, " + exactPoints + " exact");
    }

    @Test
    void inputsThatDoNotFitAreErrors() {
        GridGeometry grid = grid(2, 2);
        float[] probability = uniform(grid, 0.5f);
        probability[3] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DISSOLVE.dissolve(grid, mask("#.", "##"), probability, null, new int[0], null));
        assertTrue(e.getMessage().contains("column 1, row 1"), e.getMessage());
        BitSet one = mask("#.", "..");
        float[] half = uniform(grid, 0.5f);
        assertThrows(IllegalArgumentException.class, () -> DISSOLVE.dissolve(grid, one, half, null, new int[] {4}, null));
        assertThrows(IllegalArgumentException.class,
                () -> DISSOLVE.dissolve(grid, one, new float[3], null, new int[0], null));
        assertThrows(IllegalArgumentException.class,
                () -> DISSOLVE.dissolve(grid, one, half, null, new int[0], new TileLayout(1, 1, 3, 2)));
        assertThrows(InvalidInputException.class, () -> TargetPolygons.builder().optSimplify(-1).build());
        assertThrows(InvalidInputException.class, () -> TargetPolygons.builder().optMinAreaKm2(Double.NaN).build());
    }

    @Test
    void nothingSelectedGivesNoTargets() {
        GridGeometry grid = grid(3, 3);
        assertFalse(DISSOLVE.dissolve(grid, new BitSet(), uniform(grid, 0.5f), null, new int[0], null).iterator()
                .hasNext());
    }
}
