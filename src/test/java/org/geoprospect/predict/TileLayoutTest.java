package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TileLayoutTest {

    @Test
    void numbersThePapersTilesRowByRowFromTheNorthWest() {
        // 3072² cells in 12 × 12 tiles of 256², numbered 1..144 as in the paper's Figures 5 and 7
        TileLayout t = TileLayout.parse("12x12", 3072, 3072);
        assertEquals(144, t.count());
        assertEquals(1, t.numberOf(0, 0));
        assertEquals(12, t.numberOf(0, 3071));
        assertEquals(13, t.numberOf(256, 0));
        assertEquals(133, t.numberOf(3071, 0));
        assertEquals(144, t.numberOf(3071, 3071));
        assertEquals(2, t.numberOf(255, 256)); // row 255 still the first tile row, column 256 the second column
        for (int i = 0; i < 12; i++) {
            assertEquals(256 * i, t.firstRow(i));
            assertEquals(256 * (i + 1), t.endRow(i));
            assertEquals(256, t.endColumn(i) - t.firstColumn(i));
        }
    }

    @Test
    void unevenGridsGetTilesDifferingByAtMostOneCellThatCoverEveryCell() {
        TileLayout t = TileLayout.parse(" 3 X 4 ", 10, 7); // 3 rows over 7 cells, 4 columns over 10
        assertEquals(3, t.rows());
        assertEquals(4, t.columns());
        Set<Integer> sizes = new HashSet<>();
        int covered = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                int h = t.endRow(r) - t.firstRow(r);
                int w = t.endColumn(c) - t.firstColumn(c);
                sizes.add(h);
                assertTrue(w == 2 || w == 3, "width " + w);
                covered += h * w;
                for (int row = t.firstRow(r); row < t.endRow(r); row++) {
                    for (int col = t.firstColumn(c); col < t.endColumn(c); col++) {
                        assertEquals(r * 4 + c + 1, t.numberOf(row, col));
                    }
                }
            }
        }
        assertEquals(70, covered);
        assertTrue(Set.of(2, 3).containsAll(sizes), sizes.toString());
    }

    @Test
    void refusesTextThatIsNotRowsByColumnsAndTilesWithoutCells() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TileLayout.parse("12", 100, 100));
        assertEquals("tiles", e.input());
        assertTrue(e.getMessage().contains("ROWSxCOLUMNS"));
        assertThrows(InvalidInputException.class, () -> TileLayout.parse("0x3", 100, 100));
        e = assertThrows(InvalidInputException.class, () -> TileLayout.parse("12x12", 10, 100));
        assertTrue(e.getMessage().contains("at least one cell"), e.getMessage());
    }
}
