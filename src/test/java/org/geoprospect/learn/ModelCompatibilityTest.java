package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.Extent;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Normalization;
import org.geoprospect.grid.Raster;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCompatibilityTest {
    private static final ModelManifest MODEL = TestManifests.manifest("m").withId("m-v1"); // Au, As, Sb, Hg
    private static final Crs UTM50 = Crs.epsg(32650);

    @Test
    void mapsTheModelsElementsToTheGridsBandsByName() {
        int[] order = ModelCompatibility.bandOrder(MODEL, List.of("Cu", "Hg", "Sb", "As", "Au"), 100.0,
                100.00000001, Crs.parse("urn:ogc:def:crs:EPSG::32650"));
        assertArrayEquals(new int[] {4, 3, 2, 1}, order);
    }

    @Test
    void namesMissingElements() {
        assertEquals("model 'm-v1' does not fit this grid: the grid lacks Au, Sb (it has As, Hg, Cu)",
                failure(List.of("As", "Hg", "Cu"), 100, 100, UTM50));
    }

    @Test
    void namesADifferentCellSize() {
        assertEquals("model 'm-v1' does not fit this grid: the model expects cell size 100 m, the grid has 250 m",
                failure(List.of("Au", "As", "Sb", "Hg"), 250, 250, UTM50));
        assertTrue(failure(List.of("Au", "As", "Sb", "Hg"), 100, 100.001, UTM50)
                .endsWith("the grid has 100 × 100.001 m"));
    }

    @Test
    void namesADifferentCrs() {
        assertEquals("model 'm-v1' does not fit this grid: the model was trained in EPSG:32650, the grid is "
                + "EPSG:3067 — reproject", failure(List.of("Au", "As", "Sb", "Hg"), 100, 100, Crs.epsg(3067)));
    }

    @Test
    void namesEveryDifferenceAtOnce() {
        String message = failure(List.of("Au"), 250, 250, Crs.epsg(3067));
        assertTrue(message.contains("EPSG:3067") && message.contains("250 m") && message.contains("lacks As, Sb, Hg"),
                message);
    }

    @Test
    void acceptsOtherStatisticsOfTheSameNormalisation() {
        // another area's z-scores have their own mean and σ, as the paper's area B: fine
        Warnings warnings = new Warnings();
        int[] order = ModelCompatibility.bandOrder(MODEL, raster(
                new Normalization("zscore", true, 9, 9, 0, 1), new Normalization("zscore", true, 7, 7, 0, 1),
                new Normalization("minmax", false, 3, 3, 0, 1), new Normalization("none", false, 0, 0, 0, 1)),
                warnings);
        assertArrayEquals(new int[] {0, 1, 2, 3}, order);
        assertTrue(warnings.list().isEmpty(), warnings.list().toString());
    }

    @Test
    void refusesAnotherNormalisationMethodAndWarnsWhenNoneIsRecorded() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ModelCompatibility.bandOrder(MODEL,
                raster(new Normalization("zscore", false, 0, 1, 0, 1), new Normalization("minmax", true, 0, 1, 0, 1),
                        new Normalization("minmax", false, 0, 1, 0, 1), new Normalization("none", false, 0, 1, 0, 1)),
                new Warnings()));
        assertEquals("grid", e.input());
        assertTrue(e.getMessage().contains("Au is zscore, the model was trained on log10 + zscore; As is log10 + "
                + "minmax, the model was trained on log10 + zscore"), e.getMessage());

        Warnings warnings = new Warnings();
        ModelCompatibility.bandOrder(MODEL, raster(null, new Normalization("zscore", true, 0, 1, 0, 1),
                new Normalization("minmax", false, 0, 1, 0, 1), new Normalization("none", false, 0, 1, 0, 1)),
                warnings);
        assertEquals(1, warnings.list().size());
        assertTrue(warnings.list().get(0).startsWith("cannot check that Au are normalised"), warnings.list().get(0));
    }

    /** Bands Au, As, Sb, Hg on a 100 m UTM 50N grid, with the given normalisations (null: none recorded). */
    private static Raster raster(Normalization... normalizations) {
        GridGeometry grid = GridGeometry.ofSize(UTM50, new Extent(0, 0, 400, 400), 4, 4);
        List<String> names = List.of("Au", "As", "Sb", "Hg");
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < names.size(); b++) {
            Map<String, String> metadata = normalizations[b] == null ? Map.of() : normalizations[b].toMetadata();
            bands.add(new Band(names.get(b), metadata, new float[16]));
        }
        return new Raster(grid, bands, Map.of());
    }

    private static String failure(List<String> bands, double x, double y, Crs crs) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ModelCompatibility.bandOrder(MODEL, bands, x, y, crs));
        assertEquals("grid", e.input());
        return e.getMessage();
    }
}
