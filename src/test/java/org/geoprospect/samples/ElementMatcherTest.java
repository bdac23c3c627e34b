package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElementMatcherTest {

    private static String matched(String requested, String... columns) {
        List<String> list = List.of(columns);
        return list.get(ElementMatcher.match(requested, list, "f.csv").column());
    }

    @Test
    void symbolMatchesItsColumnSpellings() {
        assertEquals("Cu", matched("Cu", "x", "Cu"));
        assertEquals("Cu_ppm", matched("Cu", "x", "Cu_ppm"));
        assertEquals("Cu_ppm_511P", matched("Cu", "Cu_511P_T", "Cu_ppm_511P"));
        assertEquals("Cu (ppm)", matched("cu", "Cu (ppm)"));
    }

    @Test
    void unitComesFromTheName() {
        ElementMatcher.Match m = ElementMatcher.match("Au", List.of("Au_ppb", "As_ppm"), "f.csv");
        assertEquals(0, m.column());
        assertEquals("ppb", m.unit());
        assertEquals("ppm", ElementMatcher.match("Cu", List.of("Cu_ppm_511"), "f.csv").unit());
    }

    @Test
    void flagColumnIsNeverTheElement() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ElementMatcher.match("Cu", List.of("Cu_511P_T", "Ni_ppm_511"), "f.csv"));
        assertTrue(e.getMessage().contains("[Ni_ppm_511]"), e.getMessage());
        assertEquals(0, ElementMatcher.flagColumn("Cu_ppm_511", List.of("Cu_511P_T", "Cu_ppm_511")));
    }

    @Test
    void oxidesAreNotTheElement() {
        assertThrows(InvalidInputException.class, () -> matched("Fe", "Fe2O3", "SiO2"));
        assertEquals("P_ppm", matched("P", "P2O5_ppm", "P_ppm"));
        assertThrows(InvalidInputException.class, () -> matched("P", "P2O5_ppm"));
    }

    @Test
    void twoUnitsOfOneElementAreAmbiguous() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> matched("Au", "Au_ppb", "Au_ppm"));
        assertTrue(e.getMessage().contains("[Au_ppb, Au_ppm]"), e.getMessage());
    }

    @Test
    void theBareSymbolWinsOverLongerNamesWhateverItsCase() {
        assertEquals("CU", matched("cu", "CU_ppm", "CU"));
    }

    @Test
    void anExactColumnNameIsTaken() {
        assertEquals("Au_ppm", matched("Au_ppm", "Au_ppb", "Au_ppm"));
        assertEquals("Cu_511P_T", matched("Cu_511P_T", "Cu_511P_T", "Cu_ppm_511"));
    }
}
