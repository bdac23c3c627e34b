package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoJsonPointReaderTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("f.geojson"), json);
    }

    private static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":" + properties + "}";
    }

    private static String collection(String members, String... features) {
        return "{\"type\":\"FeatureCollection\"" + members + ",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void propertiesBecomeColumnsInFirstSeenOrder() throws IOException {
        Path file = write(collection("",
                feature("{\"type\":\"Point\",\"coordinates\":[24.5,67.25]}",
                        "{\"name\":\"Vähäjoki\",\"Cu\":12.5,\"n\":3}"),
                feature("{\"type\":\"MultiPoint\",\"coordinates\":[[25.0,68.0,120.0]]}",
                        "{\"Cu\":null,\"Au\":1e-3,\"tags\":[\"a\"],\"ok\":true}"),
                feature("null", "{\"name\":\"nowhere\"}")));
        Warnings warnings = new Warnings();
        PointTable t = PointLayers.read(file, PointLayerOptions.DEFAULTS, warnings);
        assertEquals(4326, t.crs().epsgCode().orElseThrow());
        assertArrayEquals(new double[] {24.5, 25.0}, t.x());
        assertArrayEquals(new double[] {67.25, 68.0}, t.y());
        assertEquals(List.of("name", "Cu", "n", "Au", "tags", "ok"), t.columns());
        assertArrayEquals(new String[] {"Vähäjoki", ""}, t.values().get(0));
        assertArrayEquals(new String[] {"12.5", ""}, t.values().get(1));
        assertArrayEquals(new String[] {"3", ""}, t.values().get(2));
        assertArrayEquals(new String[] {"", "0.001"}, t.values().get(3));
        assertArrayEquals(new String[] {"", "[\"a\"]"}, t.values().get(4));
        assertArrayEquals(new String[] {"", "true"}, t.values().get(5));
        assertEquals("f.geojson, feature 2", t.where(1));
        assertTrue(warnings.list().contains("f.geojson: 1 feature(s) without a point were skipped"),
                warnings.list().toString());
    }

    @Test
    void legacyCrsMemberNamesTheCrs() throws IOException {
        Path file = write(collection(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                        + "\"urn:ogc:def:crs:EPSG::3067\"}}",
                feature("{\"type\":\"Point\",\"coordinates\":[422241,7333402]}", "{}")));
        PointTable t = PointLayers.read(file, PointLayerOptions.DEFAULTS, new Warnings());
        assertEquals(3067, t.crs().epsgCode().orElseThrow());
        assertEquals(7333402, t.y()[0]);
    }

    @Test
    void crsOptionWinsWithAWarning() throws IOException {
        Path file = write(feature("{\"type\":\"Point\",\"coordinates\":[422241,7333402]}", "{}"));
        Warnings warnings = new Warnings();
        PointTable t = PointLayers.read(file, PointLayerOptions.DEFAULTS.withCrs("EPSG:3067"), warnings);
        assertEquals(3067, t.crs().epsgCode().orElseThrow());
        assertTrue(warnings.list().get(0).contains("'crs' EPSG:3067"), warnings.list().toString());
    }

    @Test
    void metresWithoutACrsMemberAreRefused() throws IOException {
        Path file = write(feature("{\"type\":\"Point\",\"coordinates\":[422241,7333402]}", "{}"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PointLayers.read(file, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("f.geojson, feature 1") && e.getMessage().contains("'crs'"),
                e.getMessage());
    }

    @Test
    void nonPointGeometryNamesTheFeature() throws IOException {
        Path file = write(collection("",
                feature("{\"type\":\"Point\",\"coordinates\":[24,67]}", "{}"),
                feature("{\"type\":\"LineString\",\"coordinates\":[[24,67],[25,68]]}", "{}")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PointLayers.read(file, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("f.geojson, feature 2") && e.getMessage().contains("LineString"),
                e.getMessage());
    }

    @Test
    void invalidJsonNamesTheFileAndLine() throws IOException {
        Path file = write("{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\": }]}");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PointLayers.read(file, PointLayerOptions.DEFAULTS, new Warnings()));
        assertTrue(e.getMessage().contains("f.geojson") && e.getMessage().contains("line 3"), e.getMessage());
    }
}
