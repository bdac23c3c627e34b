package org.geoprospect.learn;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.DepositPoints;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchSamplerTest {
    /** 120 columns × 100 rows, bands Cu, Pb, Zn. */
    static final GridGeometry GRID = SyntheticRaster.grid(120, 100);
    static final Raster RASTER = SyntheticRaster.raster(GRID, "Cu", "Pb", "Zn");
    /** Eight deposits as {row, column}; D3 and D6 share a 32-cell block. */
    static final int[][] DEPOSIT_CELLS = {{20, 20}, {15, 60}, {25, 100}, {70, 15}, {50, 50}, {60, 90}, {85, 30},
        {85, 105}};
    static final DepositPoints DEPOSITS = SyntheticRaster.deposits(GRID, DEPOSIT_CELLS);
    /** 16-cell patches cropped to 14: margin 2; buffer 3; 32-cell blocks. */
    static PatchParameters.Builder parameters() {
        return PatchParameters.builder().optSize(16).optCropSize(14).optPositivesPerDeposit(5).optBuffer(3)
                .optBlockSize(32).optSeed(7);
    }

    static PatchDataset sample(PatchParameters.Builder parameters, Raster raster, List<String> elements,
                               DepositPoints deposits) {
        return new PatchSampler(parameters.build()).sample(raster, elements, deposits, ProgressListener.NONE,
                Cancellation.none());
    }

    static PatchDataset dataset() {
        return sample(parameters(), RASTER, List.of("Cu", "Pb", "Zn"), DEPOSITS);
    }

    @Test
    void everyOrePatchHoldsItsDepositAtLeastTheMarginFromItsEdges() {
        PatchDataset d = dataset();
        int margin = parameters().build().margin();

        assertEquals(2, margin);
        assertEquals(40, d.report().positives(), "5 windows for each of 8 deposits");
        List<Patch> ore = d.patches().stream().filter(Patch::ore).toList();
        assertEquals(40, ore.size());
        for (Patch p : ore) {
            int[] deposit = DEPOSIT_CELLS[p.group()];
            int r = deposit[0] - p.row();
            int q = deposit[1] - p.column();
            assertTrue(r >= margin && r <= p.size() - 1 - margin && q >= margin && q <= p.size() - 1 - margin,
                    "deposit " + p.group() + " at (" + r + ", " + q + ") in patch");
        }
        for (int i = 0; i < DEPOSIT_CELLS.length; i++) {
            int group = i;
            assertEquals(5, ore.stream().filter(p -> p.group() == group).map(p -> p.row() + "," + p.column())
                    .distinct().count(), "deposit " + i + " gets 5 distinct windows");
        }
    }

    @Test
    void noOrePatchHasACellWithinTheBufferOfAnyDepositEvenOneOffTheGrid() {
        // D8 lies 2 cells west of the grid: it gives no ore patch but still keeps no-ore patches away
        int[][] cells = Arrays.copyOf(DEPOSIT_CELLS, 9);
        cells[8] = new int[] {40, -2};
        DepositPoints deposits = SyntheticRaster.deposits(GRID, cells);
        PatchDataset d = sample(parameters().optNegatives(300), RASTER, List.of("Cu"), deposits);

        List<Patch> noOre = d.patches().stream().filter(p -> !p.ore()).toList();
        assertEquals(300, noOre.size());
        double nearest = Double.POSITIVE_INFINITY;
        for (Patch p : noOre) {
            for (int r = p.row(); r < p.row() + p.size(); r++) {
                for (int q = p.column(); q < p.column() + p.size(); q++) {
                    for (int[] deposit : cells) {
                        assertTrue(Math.hypot(r - deposit[0], q - deposit[1]) > 3,
                                "cell (" + r + ", " + q + ") of a no-ore patch near deposit at " + deposit[0] + ", "
                                        + deposit[1]);
                    }
                    nearest = Math.min(nearest, Math.hypot(r - 40, q + 2));
                }
            }
        }
        assertTrue(nearest < 5, "no-ore patches come right up to the off-grid deposit's buffer: " + nearest);
        assertEquals(List.of("D8"), d.report().offGrid());
    }

    @Test
    void patchesLieInsideTheGridAndNoOreDefaultsToAsManyAsOre() {
        PatchDataset d = dataset();

        for (Patch p : d.patches()) {
            assertTrue(p.row() >= 0 && p.column() >= 0 && p.row() + p.size() <= GRID.height()
                    && p.column() + p.size() <= GRID.width(), p.row() + ", " + p.column());
        }
        assertEquals(40, d.report().negatives());
        assertEquals(40, d.report().negativesRequested());
        assertEquals(8, d.report().usableDeposits());
        assertTrue(d.report().warnings().isEmpty(), d.report().warnings().toString());
    }

    @Test
    void channelsHoldTheChosenBandsInTheOrderAskedRowsNorthFirst() {
        PatchDataset d = sample(parameters(), RASTER, List.of("Zn", "Cu"), DEPOSITS);
        int[] bandOfChannel = {2, 0};

        assertEquals(List.of("Zn", "Cu"), d.elements());
        for (Patch p : d.patches()) {
            assertEquals(2, p.channels());
            for (int c = 0; c < 2; c++) {
                for (int r = 0; r < p.size(); r++) {
                    for (int q = 0; q < p.size(); q++) {
                        float expected = SyntheticRaster.valueAt(bandOfChannel[c], p.row() + r, p.column() + q);
                        assertEquals(expected, p.values()[(c * p.size() + r) * p.size() + q]);
                        assertEquals(expected, p.value(c, r, q));
                    }
                }
            }
        }
    }

    /** 4 × 4 cells, band A = 1 … 16 row-major, band B = 10 × A. */
    private static Raster tiny(int noDataInA, int noDataInB) {
        GridGeometry grid = SyntheticRaster.grid(4, 4);
        float[] a = new float[16];
        float[] b = new float[16];
        for (int i = 0; i < 16; i++) {
            a[i] = i + 1;
            b[i] = 10 * (i + 1);
        }
        a[noDataInA] = Float.NaN;
        if (noDataInB >= 0) {
            b[noDataInB] = Float.NaN;
        }
        return new Raster(grid, List.of(new Band("A", Map.of(), a), new Band("B", Map.of(), b)), Map.of());
    }

    private static final PatchParameters.Builder TINY = PatchParameters.builder().optSize(2).optCropSize(2)
            .optPositivesPerDeposit(4).optBuffer(0).optNegatives(1);

    @Test
    void cellsWithoutDataTakeTheBandsMeanOverTheGrid() {
        Raster raster = tiny(0, -1);
        // deposits in opposite corners: each has exactly one 2 × 2 window
        PatchDataset d = sample(TINY, raster, List.of("A", "B"), SyntheticRaster.deposits(raster.grid(),
                new int[] {0, 0}, new int[] {3, 3}));

        // mean of A without cell 0: (136 − 1) / 15 = 9; one of four cells lacks data, not more than 0.25
        assertArrayEquals(new float[] {9, 2, 5, 6, 10, 20, 50, 60}, d.patches().get(0).values());
        assertArrayEquals(new float[] {11, 12, 15, 16, 110, 120, 150, 160}, d.patches().get(1).values());
    }

    @Test
    void windowsWithMoreThanMaxNoDataAreSkippedAndTheirDepositsReported() {
        // cells (0, 0) and (1, 1) lack data: the only window of a deposit at (0, 0) is half without data
        Raster raster = tiny(0, 5);
        PatchDataset d = sample(TINY, raster, List.of("A", "B"), SyntheticRaster.deposits(raster.grid(),
                new int[] {0, 0}, new int[] {3, 3}, new int[] {0, 3}));

        assertEquals(List.of("D0"), d.report().noData());
        assertEquals(2, d.report().usableDeposits());
        assertTrue(d.patches().stream().noneMatch(p -> p.row() == 0 && p.column() == 0));
        assertTrue(d.report().warnings().stream().anyMatch(w -> w.contains("D0") && w.contains("without data")));
    }

    @Test
    void noPatchHasMoreThanMaxNoDataOfItsCellsWithoutData() {
        // Pb has no data in the north-east 40 × 40 cells, where D2 lies 15 cells from the area's edge
        float[] pb = RASTER.bands().get(1).data().clone();
        for (int r = 0; r < 40; r++) {
            for (int q = 80; q < 120; q++) {
                pb[r * 120 + q] = Float.NaN;
            }
        }
        List<Band> bands = new ArrayList<>(RASTER.bands());
        bands.set(1, bands.get(1).withData(pb, Map.of()));
        Raster raster = new Raster(GRID, bands, Map.of());
        PatchDataset d = sample(parameters().optNegatives(500), raster, List.of("Cu", "Pb"), DEPOSITS);

        assertEquals(List.of("D2"), d.report().noData());
        int filled = 0;
        for (Patch p : d.patches()) {
            int missing = 0;
            for (int r = p.row(); r < p.row() + 16; r++) {
                for (int q = p.column(); q < p.column() + 16; q++) {
                    if (Float.isNaN(pb[r * 120 + q])) {
                        missing++;
                        assertEquals(mean(pb), p.value(1, r - p.row(), q - p.column()), 1e-2);
                    }
                }
            }
            assertTrue(missing <= 0.25 * 256, missing + " cells without data");
            filled += missing;
        }
        assertTrue(filled > 0, "some patch reaches into the area without data");
    }

    private static float mean(float[] values) {
        double sum = 0;
        int n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return (float) (sum / n);
    }

    @Test
    void depositsOffTheGridOrTooNearItsEdgeAreReported() {
        int[][] cells = Arrays.copyOf(DEPOSIT_CELLS, 11);
        cells[8] = new int[] {1, 50};     // 1 cell from the north edge, less than the margin of 2
        cells[9] = new int[] {50, 118};   // 1 cell from the east edge
        cells[10] = new int[] {50, 200};  // off the grid
        DepositPoints deposits = SyntheticRaster.deposits(GRID, cells);
        double[] x = deposits.x().clone();
        x[0] = Double.NaN;
        PatchDataset d = sample(parameters(), RASTER, List.of("Cu"), new DepositPoints(x, deposits.y(),
                deposits.labels()));

        assertEquals(List.of("D0", "D10"), d.report().offGrid());
        assertEquals(List.of("D8", "D9"), d.report().nearEdge());
        assertEquals(7, d.report().usableDeposits());
        assertEquals(35, d.report().positives());
        assertEquals(2, d.report().warnings().size(), d.report().warnings().toString());
    }

    @Test
    void fewerThanTwoUsableDepositsIsAnInputError() {
        DepositPoints deposits = SyntheticRaster.deposits(GRID, new int[] {50, 50}, new int[] {0, 0});

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> sample(parameters(), RASTER, List.of("Cu"), deposits));

        assertEquals("deposits", e.input());
        assertTrue(e.getMessage().contains("only 1 of 2") && e.getMessage().contains("D1"), e.getMessage());
    }

    @Test
    void anUnknownElementIsAnInputErrorListingTheBands() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> sample(parameters(), RASTER, List.of("Cu", "Au"), DEPOSITS));

        assertEquals("elements", e.input());
        assertTrue(e.getMessage().contains("Au") && e.getMessage().contains("Cu, Pb, Zn"), e.getMessage());
    }

    @Test
    void aCropOfHalfThePatchOrLessIsRejectedWithWhatToChange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PatchParameters.builder().optSize(64).optCropSize(32).build());

        assertEquals("cropSize", e.input());
        assertEquals(56, PatchParameters.builder().build().cropSize());
        assertEquals(224, PatchParameters.builder().optSize(256).build().cropSize());
    }

    @Test
    void askingForMoreNoOrePatchesThanQualifyGivesAllAndAWarning() {
        PatchDataset d = sample(PatchParameters.builder().optSize(60).optCropSize(56).optBuffer(20)
                .optNegatives(10_000), RASTER, List.of("Cu"), DEPOSITS);

        assertEquals(d.report().negativesAvailable(), d.report().negatives());
        assertTrue(d.report().negatives() < 10_000);
        assertTrue(d.report().warnings().stream().anyMatch(w -> w.contains("fewer than the 10000")));
    }

    @Test
    void theSameSeedGivesTheSamePatchesAndAnotherSeedOthers() {
        PatchDataset a = dataset();
        PatchDataset b = dataset();
        PatchDataset c = sample(PatchParameters.builder().optSize(16).optCropSize(14).optPositivesPerDeposit(5)
                .optBuffer(3).optBlockSize(32).optSeed(8), RASTER, List.of("Cu", "Pb", "Zn"), DEPOSITS);

        assertEquals(corners(a), corners(b));
        for (int i = 0; i < a.patches().size(); i++) {
            assertArrayEquals(a.patches().get(i).values(), b.patches().get(i).values());
        }
        assertNotEquals(corners(a), corners(c));
    }

    private static List<String> corners(PatchDataset d) {
        return d.patches().stream().map(p -> p.ore() + " " + p.row() + "," + p.column()).toList();
    }

    @Test
    void groupsAndBlocksFollowDepositsAndCentres() {
        PatchDataset d = dataset();
        SpatialBlocks blocks = d.blocks();

        assertEquals(new SpatialBlocks(32, 4, 4), blocks);
        for (Patch p : d.patches()) {
            if (p.ore()) {
                int[] deposit = DEPOSIT_CELLS[p.group()];
                assertEquals(blocks.block(deposit[0], deposit[1]), p.block());
            } else {
                assertEquals(blocks.block(p.row() + 8, p.column() + 8), p.block());
                assertEquals(p.block(), p.group());
            }
        }
    }

    @Test
    void cancellationStopsSamplingAndProgressReachesOne() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        List<Double> fractions = new ArrayList<>();

        assertThrows(CancelledException.class, () -> new PatchSampler(parameters().build())
                .sample(RASTER, List.of("Cu"), DEPOSITS, ProgressListener.NONE, cancelled));
        new PatchSampler(parameters().build()).sample(RASTER, List.of("Cu"), DEPOSITS,
                (fraction, message) -> fractions.add(fraction), Cancellation.none());
        assertFalse(fractions.isEmpty());
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    @Tag("benchmark")
    void timeToSampleFourHundredPatchesOfEightBandsFromAMillionCells() {
        GridGeometry grid = SyntheticRaster.grid(1000, 1000);
        Raster raster = SyntheticRaster.raster(grid, "B0", "B1", "B2", "B3", "B4", "B5", "B6", "B7");
        int[][] cells = new int[25][];
        for (int i = 0; i < 25; i++) {
            cells[i] = new int[] {100 + 180 * (i / 5), 100 + 180 * (i % 5)};
        }
        DepositPoints deposits = SyntheticRaster.deposits(grid, cells);
        PatchSampler sampler = new PatchSampler(PatchParameters.builder().optSize(64).build());
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            PatchDataset d = sampler.sample(raster, raster.bandNames(), deposits, ProgressListener.NONE,
                    Cancellation.none());
            System.out.printf("sampling %d + %d patches of 8 × 64 × 64 from 1000 × 1000 cells: %d ms%n",
                    d.report().positives(), d.report().negatives(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
