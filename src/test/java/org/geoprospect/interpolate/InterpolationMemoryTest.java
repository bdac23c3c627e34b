package org.geoprospect.interpolate;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.GridGeometry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpolationMemoryTest {
    private static final GridGeometry GRID = new GridGeometry(Crs.epsg(3067), 0, 1000, 10, 10, 100, 50);

    @Test
    void bandsOfFloat32AndAMaskByteFitExactlyTheirSize() {
        // 5,000 cells × (3 bands × 4 bytes + 1 mask byte) = 65,000 bytes
        assertDoesNotThrow(() -> InterpolationMemory.check(GRID, 3, true, 65_000));
        assertDoesNotThrow(() -> InterpolationMemory.check(GRID, 3, false, 60_000));
    }

    @Test
    void aGridBeyondTheHeapIsRefusedWithTheNumbers() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InterpolationMemory.check(GRID, 3, true, 64_999));
        assertEquals("cellSize", e.input());
        assertTrue(e.getMessage().startsWith("cellSize 10.0 gives 100 × 50 = 5000 cells; 3 band(s) of float32 and "
                + "the mask need 65000 bytes") && e.getMessage().contains("the Java heap has 64999 bytes"),
                e.getMessage());
    }
}
