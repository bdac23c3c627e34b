package org.geoprospect.grid;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoTiffErrorsTest {
    private static final String CUSTOM_TMERC = "PROJCS[\"custom TM\",GEOGCS[\"GRS 1980\",DATUM[\"GRS_1980\","
            + "SPHEROID[\"GRS 1980\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\","
            + "27.123],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],"
            + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]";

    @TempDir
    Path dir;

    @Test
    void notATiffNamesTheFile() throws Exception {
        Path file = dir.resolve("grid.tif");
        Files.writeString(file, "x,y,cu\n1,2,3\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GeoTiffReader().read(file));
        assertEquals("grid", e.input());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("missing.tif");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new GeoTiffReader().read(file));
        assertEquals("grid", e.input());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void crsWithoutEpsgCodeIsRefusedOnWriteAndNothingIsWritten() throws Exception {
        Crs custom = Crs.fromWkt(CUSTOM_TMERC);
        assertTrue(custom.epsgCode().isEmpty(), "the fixture CRS must have no EPSG code");
        GridGeometry grid = new GridGeometry(custom, 0, 100, 10, 10, 2, 2);
        Raster raster = new Raster(grid, List.of(new Band("Cu", Map.of(), new float[4])), Map.of());
        Path file = dir.resolve("grid.tif");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new GeoTiffWriter().write(raster, file));

        assertEquals("crs", e.input());
        assertTrue(e.getMessage().contains("EPSG code"), e.getMessage());
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file is left behind");
        }
    }
}
