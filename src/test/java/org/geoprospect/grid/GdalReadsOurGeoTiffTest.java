package org.geoprospect.grid;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GDAL, the reference reader, sees in our GeoTIFFs the CRS, georeferencing, nodata, names, units and values. */
class GdalReadsOurGeoTiffTest {
    private static final float NO_DATA = -9999f;

    @TempDir
    Path dir;

    @BeforeAll
    static void gdal() {
        Gdal.assumeInstalled();
    }

    static Stream<Arguments> files() {
        Raster projected = SampleRasters.of(3067, 350000, 7000000, 500, 250, 40, 30, 3);
        Raster geographic = SampleRasters.of(4326, 21.5, 64.25, 0.01, 0.005, 25, 20, 2);
        return Stream.of(
                Arguments.of("EPSG:3067", projected, new GeoTiffWriter()),
                Arguments.of("EPSG:3067, DEFLATE", projected, new GeoTiffWriter().optDeflate(true)),
                Arguments.of("EPSG:4326", geographic, new GeoTiffWriter()),
                Arguments.of("1×1", SampleRasters.of(3067, 100, 200, 10, 10, 1, 1, 1), new GeoTiffWriter()),
                Arguments.of("wide, many strips", SampleRasters.of(3067, 0.5, 1e6, 2.5, 7.25, 7000, 23, 2),
                        new GeoTiffWriter().optDeflate(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void gdalinfoReportsGeoreferencingNoDataAndBandDescriptions(String name, Raster raster, GeoTiffWriter writer)
            throws Exception {
        Path file = dir.resolve("ours.tif");
        writer.write(raster, file);
        JsonNode info = Gdal.info(file);

        int epsg = raster.grid().crs().epsgCode().getAsInt();
        String wkt = info.at("/coordinateSystem/wkt").asText();
        assertTrue(wkt.endsWith("ID[\"EPSG\"," + epsg + "]]"), "GDAL's WKT names EPSG:" + epsg + ": " + wkt);
        assertEquals(List.of(raster.grid().width(), raster.grid().height()),
                List.of(info.at("/size/0").asInt(), info.at("/size/1").asInt()));
        double[] geoTransform = new double[6];
        for (int i = 0; i < 6; i++) {
            geoTransform[i] = info.at("/geoTransform/" + i).asDouble();
        }
        assertArrayEquals(raster.grid().geoTransform(), geoTransform);
        assertEquals("Area", info.at("/metadata//AREA_OR_POINT").asText());
        raster.metadata().forEach((k, v) -> assertEquals(v, info.at("/metadata/").get(k).asText(), k));

        for (int b = 0; b < raster.bands().size(); b++) {
            Band band = raster.bands().get(b);
            JsonNode gdalBand = info.at("/bands/" + b);
            assertEquals("Float32", gdalBand.get("type").asText());
            assertEquals(NO_DATA, gdalBand.get("noDataValue").asDouble());
            assertEquals(band.name(), gdalBand.get("description").asText());
            assertEquals(band.metadata().get("unit"), gdalBand.get("unit").asText());
            for (Map.Entry<String, String> item : band.metadata().entrySet()) {
                assertEquals(item.getValue(), gdalBand.at("/metadata/").get(item.getKey()).asText(), item.getKey());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void gdalReadsOurValuesWithNaNAsNoData(String name, Raster raster, GeoTiffWriter writer) throws Exception {
        Path file = dir.resolve("ours.tif");
        writer.write(raster, file);

        List<float[]> gdalValues = Gdal.values(file);

        assertEquals(raster.bands().size(), gdalValues.size());
        for (int b = 0; b < raster.bands().size(); b++) {
            float[] expected = raster.bands().get(b).data().clone();
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Float.isNaN(expected[i]) ? NO_DATA : expected[i];
            }
            assertArrayEquals(expected, gdalValues.get(b), raster.bands().get(b).name());
        }
    }
}
