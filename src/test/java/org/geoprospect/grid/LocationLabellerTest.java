package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.GridGeometry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocationLabellerTest {
    /** 10 columns × 8 rows of 10 m cells; cell (column c, row r) is index 10·r + c. */
    private static final GridGeometry GRID = new GridGeometry(Crs.epsg(3067), 0, 80, 10, 10, 10, 8);

    private static boolean[] allValid(GridGeometry grid) {
        boolean[] valid = new boolean[(int) grid.cellCount()];
        Arrays.fill(valid, true);
        return valid;
    }

    /** Deposits at the given (column, row) cells of GRID, a little off their centres, labelled D0, D1, … */
    private static DepositPoints at(int[]... cells) {
        double[] x = new double[cells.length];
        double[] y = new double[cells.length];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            x[i] = 10 * cells[i][0] + 3;
            y[i] = 80 - 10 * cells[i][1] - 7;
            labels.add("D" + i);
        }
        return new DepositPoints(x, y, labels);
    }

    private static LabelledLocations label(LabellingParameters.Builder parameters, boolean[] valid,
                                           DepositPoints deposits) {
        return new LocationLabeller(parameters.build()).label(GRID, valid, deposits);
    }

    private static double cellsApart(GridGeometry grid, int a, int b) {
        return Math.hypot(a % grid.width() - b % grid.width(), a / grid.width() - b / grid.width());
    }

    @Test
    void bufferZeroLabelsEachDepositsOwnCell() {
        LabelledLocations l = label(LabellingParameters.builder(), allValid(GRID),
                at(new int[] {3, 2}, new int[] {7, 5}, new int[] {1, 6}));

        assertArrayEquals(new int[] {23, 57, 61}, l.positives());
        assertEquals(3, l.negatives().length, "as many negatives as positives by default");
        assertEquals(3, l.report().positives());
        assertEquals(3, l.report().negatives());
        assertTrue(l.report().warnings().isEmpty(), l.report().warnings().toString());
    }

    @Test
    void bufferOneAddsTheFourNeighboursAndBufferOneAndAHalfTheEight() {
        DepositPoints deposits = at(new int[] {3, 2}, new int[] {7, 5}, new int[] {0, 0});

        LabelledLocations one = label(LabellingParameters.builder().optPositiveBuffer(1), allValid(GRID), deposits);
        LabelledLocations wide = label(LabellingParameters.builder().optPositiveBuffer(1.5), allValid(GRID),
                deposits);

        // (0, 0) is a corner: its disc is clipped to the grid
        assertArrayEquals(new int[] {0, 1, 10, 13, 22, 23, 24, 33, 47, 56, 57, 58, 67}, one.positives());
        assertArrayEquals(new int[] {0, 1, 10, 11, 12, 13, 14, 22, 23, 24, 32, 33, 34, 46, 47, 48, 56, 57, 58,
                66, 67, 68}, wide.positives());
    }

    @Test
    void positivesOnlyOnValidCells() {
        boolean[] valid = allValid(GRID);
        valid[24] = false;

        LabelledLocations l = label(LabellingParameters.builder().optPositiveBuffer(1), valid,
                at(new int[] {3, 2}, new int[] {7, 5}, new int[] {1, 6}));

        assertFalse(Arrays.stream(l.positives()).anyMatch(c -> c == 24));
        assertEquals(14, l.positives().length);
    }

    @Test
    void negativesAreExactlyTheValidCellsBeyondTheExclusionBufferWhenAllAreAsked() {
        GridGeometry grid = new GridGeometry(Crs.epsg(3067), 0, 300, 10, 10, 30, 30);
        boolean[] valid = allValid(grid);
        for (int c = 0; c < valid.length; c += 7) {
            valid[c] = false;
        }
        DepositPoints deposits = new DepositPoints(new double[] {55, 155, 255}, new double[] {245, 145, 45},
                List.of("A", "B", "C"));
        int[] depositCells = {5 * 30 + 5, 15 * 30 + 15, 25 * 30 + 25};
        double b = 2.5;

        LabelledLocations l = new LocationLabeller(LabellingParameters.builder().optPositiveBuffer(1)
                .optExclusionBuffer(b).optNegatives(10_000).build()).label(grid, valid, deposits);

        List<Integer> expected = new ArrayList<>();
        for (int c = 0; c < valid.length; c++) {
            int cell = c;
            if (valid[c] && Arrays.stream(depositCells).allMatch(d -> cellsApart(grid, cell, d) > b)) {
                expected.add(c);
            }
        }
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), l.negatives());
        assertEquals(expected.size(), l.report().negativesAvailable());
        assertTrue(l.report().fewerNegativesThanRequested());
        assertTrue(l.report().warnings().stream().anyMatch(w -> w.contains("fewer than the 10000 asked for")),
                l.report().warnings().toString());
    }

    @Test
    void sampledNegativesStayBeyondTheBufferOnValidCellsAndDependOnTheSeed() {
        boolean[] valid = allValid(GRID);
        valid[0] = false;
        valid[79] = false;
        DepositPoints deposits = at(new int[] {3, 2}, new int[] {7, 5}, new int[] {1, 6});
        LabellingParameters.Builder parameters = LabellingParameters.builder().optExclusionBuffer(2).optNegatives(20);

        int[] a = label(parameters.optSeed(1), valid, deposits).negatives();
        int[] again = label(parameters.optSeed(1), valid, deposits).negatives();
        int[] other = label(parameters.optSeed(2), valid, deposits).negatives();

        assertEquals(20, a.length);
        assertEquals(20, Arrays.stream(a).distinct().count(), "without replacement");
        for (int c : a) {
            assertTrue(valid[c], "negative on invalid cell " + c);
            for (int d : new int[] {23, 57, 61}) {
                assertTrue(cellsApart(GRID, c, d) > 2, "negative " + c + " within 2 cells of deposit cell " + d);
            }
        }
        assertArrayEquals(a, again);
        assertFalse(Arrays.equals(a, other));
    }

    @Test
    void negativesAreUniformOverTheCandidates() {
        // 3 deposits with b = 0 leave 77 candidates; draw 7 of them under 3,000 seeds: each cell ~273 times
        DepositPoints deposits = at(new int[] {3, 2}, new int[] {7, 5}, new int[] {1, 6});
        int[] counts = new int[(int) GRID.cellCount()];
        int draws = 3_000;
        for (long seed = 0; seed < draws; seed++) {
            for (int c : label(LabellingParameters.builder().optNegatives(7).optSeed(seed), allValid(GRID), deposits)
                    .negatives()) {
                counts[c]++;
            }
        }
        double expected = draws * 7.0 / 77;
        double sd = Math.sqrt(draws * (7.0 / 77) * (70.0 / 77));
        for (int c = 0; c < counts.length; c++) {
            if (c == 23 || c == 57 || c == 61) {
                assertEquals(0, counts[c]);
            } else {
                assertEquals(expected, counts[c], 5 * sd, "cell " + c);
            }
        }
    }

    @Test
    void depositsOffTheGridOnNoDataOrSharingACellAreReported() {
        boolean[] valid = allValid(GRID);
        valid[45] = false;
        double[] x = {33, 73, 13, -5, 55, 36, 120};
        double[] y = {53, 23, 13, 75, 35, 57, Double.NaN};
        List<String> labels = List.of("A", "B", "C", "west", "hole", "A2", "nowhere");

        LabelledLocations l = label(LabellingParameters.builder(), valid, new DepositPoints(x, y, labels));

        assertArrayEquals(new int[] {23, 57, 61}, l.positives());
        LabellingReport report = l.report();
        assertEquals(3, report.usableDeposits());
        assertEquals(List.of("west", "nowhere"), report.offGrid());
        assertEquals(List.of("hole"), report.onNoData());
        assertEquals(List.of("A2 (with A)"), report.sharedCell());
        List<String> warnings = report.warnings();
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("2 deposit(s) off the grid") && warnings.get(0).contains("west, nowhere"));
        assertTrue(warnings.get(1).contains("hole"));
        assertTrue(warnings.get(2).contains("A2 (with A)"));
    }

    @Test
    void aDepositJustOffTheGridStillKeepsNegativesAway() {
        DepositPoints deposits = new DepositPoints(new double[] {33, 73, 13, -5}, new double[] {53, 23, 13, 75},
                List.of("A", "B", "C", "west"));

        LabelledLocations l = label(LabellingParameters.builder().optExclusionBuffer(1).optNegatives(100),
                allValid(GRID), deposits);

        // "west" is in column −1, row 0: cell (0, 0) is 1 cell from it
        assertFalse(Arrays.stream(l.negatives()).anyMatch(c -> c == 0));
        assertTrue(Arrays.stream(l.negatives()).anyMatch(c -> c == 10), "(0, 1) is √2 cells away");
    }

    @Test
    void fewerThanThreeUsableDepositsNameTheCounts() {
        boolean[] valid = allValid(GRID);
        valid[45] = false;
        double[] x = {33, 73, -5, 500, 55};
        double[] y = {53, 23, 75, 40, 35};

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> label(LabellingParameters.builder(),
                valid, new DepositPoints(x, y, List.of("A", "B", "west", "east", "hole"))));

        assertEquals("deposits", e.input());
        assertTrue(e.getMessage().startsWith("only 2 of 5 deposits are usable, at least 3 are needed (2 off the grid, "
                + "1 on cells without data, 0 sharing a cell)"), e.getMessage());
        assertTrue(e.getMessage().contains("west, east") && e.getMessage().contains("hole"), e.getMessage());
    }

    @Test
    void parametersAndInputsSayWhatToChange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabellingParameters.builder().optPositiveBuffer(2).optExclusionBuffer(1).build());
        assertEquals("exclusionBuffer", e.input());
        assertTrue(e.getMessage().contains("raise the exclusion buffer"), e.getMessage());
        assertEquals(2.0, LabellingParameters.builder().optPositiveBuffer(2).build().exclusionBuffer(),
                "exclusion buffer defaults to the positive buffer");
        assertEquals("negatives", assertThrows(InvalidInputException.class,
                () -> LabellingParameters.builder().optNegatives(0).build()).input());
        assertEquals("mask", assertThrows(InvalidInputException.class,
                () -> label(LabellingParameters.builder(), new boolean[5], at(new int[] {1, 1}))).input());
    }

    @Test
    void labelsAPaperSizedGridQuickly() {
        GridGeometry grid = new GridGeometry(Crs.epsg(3067), 0, 3072 * 25.0, 25, 25, 3072, 3072);
        boolean[] valid = allValid(grid);
        SplittableRandom r = new SplittableRandom(3);
        int n = 300;
        double[] x = new double[n];
        double[] y = new double[n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(0, 3072 * 25.0);
            y[i] = r.nextDouble(0, 3072 * 25.0);
            labels.add("D" + i);
        }
        LocationLabeller labeller = new LocationLabeller(LabellingParameters.builder().optPositiveBuffer(2)
                .optExclusionBuffer(40).optSeed(5).build());

        long start = System.nanoTime();
        LabelledLocations l = labeller.label(grid, valid, new DepositPoints(x, y, labels));
        long ms = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("labelling 3072 × 3072 cells, %d deposits, r = 2, b = 40: %d ms, n1 = %d, n2 = %d%n",
                n, ms, l.report().positives(), l.report().negatives());
        assertEquals(l.positives().length, l.negatives().length);
        for (int c : l.negatives()) {
            for (int i = 0; i < n; i++) {
                int d = grid.row(y[i]) * grid.width() + grid.column(x[i]);
                assertTrue(cellsApart(grid, c, d) > 40, "negative " + c + " near deposit " + i);
            }
        }
    }
}
