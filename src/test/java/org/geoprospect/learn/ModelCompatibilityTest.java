package org.geoprospect.learn;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.junit.jupiter.api.Test;

import java.util.List;

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

    private static String failure(List<String> bands, double x, double y, Crs crs) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ModelCompatibility.bandOrder(MODEL, bands, x, y, crs));
        assertEquals("grid", e.input());
        return e.getMessage();
    }
}
