package org.geoprospect.grid;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoTiffRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> rasters() {
        return Stream.of(
                Arguments.of("projected EPSG:3067", SampleRasters.of(3067, 350000, 7000000, 500, 500, 40, 30, 3)),
                Arguments.of("geographic EPSG:4326", SampleRasters.of(4326, 21.5, 64.25, 0.01, 0.005, 25, 20, 2)),
                Arguments.of("1×1", SampleRasters.of(3067, 100, 200, 10, 10, 1, 1, 1)),
                Arguments.of("non-square, many strips", SampleRasters.of(3067, 0.5, 1e6, 2.5, 7.25, 7000, 23, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rasters")
    void writeThenReadGivesTheSameRaster(String name, Raster raster) {
        assertRoundTrip(raster, new GeoTiffWriter());
    }

    @ParameterizedTest(name = "{0}, DEFLATE")
    @MethodSource("rasters")
    void writeThenReadGivesTheSameRasterWhenCompressed(String name, Raster raster) {
        assertRoundTrip(raster, new GeoTiffWriter().optDeflate(true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rasters")
    void writingReplacesAnOldFileAndLeavesNoTemporaryFile(String name, Raster raster) throws Exception {
        Path file = dir.resolve("grid.tif");
        Files.writeString(file, "old content");
        new GeoTiffWriter().write(raster, file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the GeoTIFF is left in the folder");
        }
        assertEquals(raster.grid(), new GeoTiffReader().read(file).grid());
    }

    private void assertRoundTrip(Raster raster, GeoTiffWriter writer) {
        Path file = dir.resolve("grid.tif");
        writer.write(raster, file);
        Raster back = new GeoTiffReader().read(file);

        assertEquals(raster.grid(), back.grid());
        assertEquals(raster.metadata(), back.metadata());
        assertFalse(back.metadata().containsKey(GeoTiffReader.BAND_NAMES_DEFAULTED));
        assertEquals(raster.bandNames(), back.bandNames());
        for (int b = 0; b < raster.bands().size(); b++) {
            Band expected = raster.bands().get(b);
            Band actual = back.bands().get(b);
            assertEquals(expected.metadata(), actual.metadata(), "metadata of " + expected.name());
            // assertArrayEquals on floats compares bits, so NaN positions must match too
            assertArrayEquals(expected.data(), actual.data(), "values of " + expected.name());
            assertTrue(hasNaN(actual.data()), "the fixture has no-data cells");
        }
    }

    private static boolean hasNaN(float[] data) {
        for (float v : data) {
            if (Float.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
