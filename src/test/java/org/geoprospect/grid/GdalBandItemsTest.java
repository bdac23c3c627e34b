package org.geoprospect.grid;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GeoTIFF that lost its band metadata (written by GeoTools) gets it back from the items a host kept. */
class GdalBandItemsTest {
    @TempDir
    Path dir;

    /** The stack as a writer without GDAL_METADATA leaves it: values and georeference, bands unnamed. */
    private Path anonymous() {
        Raster named = SampleRasters.of(32650, 500000, 2500000, 100, 100, 6, 5, 2);
        List<Band> bands = new ArrayList<>();
        for (Band b : named.bands()) {
            bands.add(new Band(b.name(), Map.of(), b.data()));
        }
        Path file = dir.resolve("anonymous.tif");
        new GeoTiffWriter().write(new Raster(named.grid(), bands, Map.of()), file);
        return file;
    }

    @Test
    void namesUnitsAndStatisticsComeBackAsGdalReadsThem() throws Exception {
        Path out = dir.resolve("relabelled.tif");
        GdalBandItems.relabel(anonymous(), List.of(
                Map.of("DESCRIPTION", "Au_ppb", "UNITTYPE", "ppb", "mean", "1.5", "normalize", "zscore"),
                Map.of("DESCRIPTION", "Cu_ppm")), out);
        Raster r = new GeoTiffReader().read(out);
        assertEquals(List.of("Au_ppb", "Cu_ppm"), r.bandNames());
        assertEquals("1.5", r.bands().get(0).metadata().get("mean"));
        assertFalse(r.metadata().containsKey(GeoTiffReader.BAND_NAMES_DEFAULTED));
        assertArrayEquals(new GeoTiffReader().read(anonymous()).bands().get(1).data(), r.bands().get(1).data());

        Gdal.assumeInstalled();
        JsonNode bands = Gdal.info(out).path("bands");
        assertEquals("Au_ppb", bands.get(0).path("description").asText());
        assertEquals("ppb", bands.get(0).path("unit").asText());
        assertEquals("zscore", bands.get(0).path("metadata").path("").path("normalize").asText());
        assertEquals("Cu_ppm", bands.get(1).path("description").asText());
    }

    @Test
    void bandsWithoutItemsKeepMadeUpNamesAndTheFlag() {
        Path out = dir.resolve("half.tif");
        Path in = dir.resolve("nameless.tif");
        Raster named = SampleRasters.of(32650, 500000, 2500000, 100, 100, 6, 5, 2);
        // no GDAL_METADATA at all: the reader makes the names up and flags them
        new GeoTiffWriter().write(new Raster(named.grid(), List.of(new Band("band1", Map.of(),
                named.bands().get(0).data()), new Band("band2", Map.of(), named.bands().get(1).data())),
                Map.of(GeoTiffReader.BAND_NAMES_DEFAULTED, "true")), in);
        GdalBandItems.relabel(in, List.of(Map.of("DESCRIPTION", "Au")), out);
        Raster r = new GeoTiffReader().read(out);
        assertEquals(List.of("Au", "band2"), r.bandNames());
        assertTrue(r.metadata().containsKey(GeoTiffReader.BAND_NAMES_DEFAULTED), "band2 is still made up");
    }
}
