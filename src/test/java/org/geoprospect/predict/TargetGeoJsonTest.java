package org.geoprospect.predict;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.crs.Crs;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our GeoJSON is RFC 7946: GDAL reads it as WGS84 with the fields written; its vertices are where
 * {@code gdaltransform} puts the grid's; rings follow the right-hand rule; coordinates have at most 7 decimals.
 */
class TargetGeoJsonTest {
    private static final Crs UTM_50N = Crs.epsg(32650);
    /** Decimals stay exact text, so the rounding to 7 decimals can be checked. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @TempDir
    Path dir;

    @BeforeAll
    static void gdal() {
        Tool.require("ogrinfo");
        Tool.require("gdaltransform");
    }

    @Test
    void gdalReadsAWgs84LayerWithTheTargetsFields() throws Exception {
        Path file = dir.resolve("targets.geojson");
        TargetGeoJson.write(SampleTargets.utm50(), UTM_50N, file);

        String summary = Ogr.summary(file);
        assertTrue(summary.contains("Geometry: Polygon\n"), summary);
        assertTrue(summary.contains("Feature Count: 4\n"), summary);
        assertTrue(summary.contains("Layer SRS WKT:\nGEOGCRS[\"WGS 84\""), summary);
        assertTrue(summary.contains("    ID[\"EPSG\",4326]]\n"), summary);
        Map<String, String> expected = new LinkedHashMap<>();
        Stream.of("id", "rank").forEach(f -> expected.put(f, "Integer"));
        expected.put("status", "String");
        expected.put("tiles", "IntegerList");
        Stream.of("mean_prob", "max_prob", "prob_sd", "area_km2").forEach(f -> expected.put(f, "Real"));
        Stream.of("deposits", "cells").forEach(f -> expected.put(f, "Integer"));
        assertEquals(expected, Ogr.fields(summary));
    }

    @Test
    void verticesAreWhereGdalTransformsTheGridsWithin1e6Degrees() throws Exception {
        Path file = dir.resolve("targets.geojson");
        List<Target> targets = SampleTargets.utm50();
        TargetGeoJson.write(targets, UTM_50N, file);

        JsonNode features = JSON.readTree(file.toFile()).get("features");
        for (int i = 0; i < targets.size(); i++) {
            Polygon ours = polygon(features.get(i).at("/geometry/coordinates"));
            Polygon gdal = gdalLonLat(targets.get(i).geometry());
            // normalized: our rings may run the other way round
            assertTrue(ours.norm().equalsExact(gdal.norm(), 1e-6), "target " + targets.get(i).id()
                    + "\nours: " + ours + "\nGDAL: " + gdal);
        }
    }

    @Test
    void exteriorRingsAreCounterClockwiseAndHolesClockwise() throws Exception {
        Path file = dir.resolve("targets.geojson");
        // the square's ring is clockwise, the hole's counter-clockwise
        TargetGeoJson.write(SampleTargets.utm50(), UTM_50N, file);

        int holes = 0;
        for (JsonNode feature : JSON.readTree(file.toFile()).get("features")) {
            JsonNode rings = feature.at("/geometry/coordinates");
            assertTrue(signedArea(rings.get(0)) > 0, "exterior of " + feature.get("id"));
            for (int r = 1; r < rings.size(); r++, holes++) {
                assertTrue(signedArea(rings.get(r)) < 0, "hole of " + feature.get("id"));
            }
        }
        assertEquals(1, holes);
    }

    @Test
    void propertiesBboxAndPrecisionAreRfc7946() throws Exception {
        Path file = dir.resolve("targets.geojson");
        List<Target> targets = SampleTargets.utm50();
        TargetGeoJson.write(targets, UTM_50N, file);

        JsonNode root = JSON.readTree(file.toFile());
        assertEquals("FeatureCollection", root.get("type").asText());
        assertFalse(root.has("crs"), "RFC 7946 has no crs member");
        Envelope all = new Envelope();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            JsonNode feature = root.get("features").get(i);
            assertEquals("Feature", feature.get("type").asText());
            assertEquals("Polygon", feature.at("/geometry/type").asText());
            assertEquals(t.id(), feature.get("id").asInt());
            JsonNode p = feature.get("properties");
            assertEquals(t.id(), p.get("id").asInt());
            assertEquals(t.rank(), p.get("rank").asInt());
            assertEquals(t.status(), p.get("status").asText());
            assertTrue(p.get("tiles").isArray());
            List<Integer> tiles = new ArrayList<>();
            p.get("tiles").forEach(n -> {
                assertTrue(n.isInt(), "tile numbers are integers: " + n);
                tiles.add(n.intValue());
            });
            assertEquals(t.tiles(), tiles);
            assertEquals(t.meanProbability(), p.get("mean_prob").doubleValue());
            assertEquals(t.maxProbability(), p.get("max_prob").doubleValue());
            if (Double.isNaN(t.probabilitySd())) {
                assertTrue(p.get("prob_sd").isNull(), "a model of one member has no spread: null");
            } else {
                assertEquals(t.probabilitySd(), p.get("prob_sd").doubleValue());
            }
            assertEquals(t.areaKm2(), p.get("area_km2").doubleValue());
            assertEquals(t.knownDeposits(), p.get("deposits").asInt());
            assertEquals(t.cells(), p.get("cells").asInt());
            for (JsonNode ring : feature.at("/geometry/coordinates")) {
                for (JsonNode vertex : ring) {
                    assertEquals(2, vertex.size());
                    vertex.forEach(v -> assertTrue(v.decimalValue().scale() <= 7, "7 decimals at most: " + v));
                    all.expandToInclude(vertex.get(0).doubleValue(), vertex.get(1).doubleValue());
                }
            }
        }
        List<Double> bbox = new ArrayList<>();
        root.get("bbox").forEach(n -> bbox.add(n.doubleValue()));
        assertEquals(List.of(all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY()), bbox);
    }

    @Test
    void aWgs84GridKeepsItsCoordinates() throws Exception {
        Path file = dir.resolve("targets.geojson");
        // binary fractions with 7 decimals: rounding leaves them as they are
        List<Target> targets = SampleTargets.at(117.25, 31.5, 0.0078125);
        TargetGeoJson.write(targets, Crs.epsg(4326), file);

        JsonNode features = JSON.readTree(file.toFile()).get("features");
        for (int i = 0; i < targets.size(); i++) {
            Polygon ours = polygon(features.get(i).at("/geometry/coordinates"));
            assertTrue(ours.norm().equalsExact(targets.get(i).geometry().norm()), ours.toString());
        }
    }

    @Test
    void noTargetsGiveAnEmptyCollectionThatGdalOpens() throws Exception {
        Path file = dir.resolve("targets.geojson");
        TargetGeoJson.write(List.of(), UTM_50N, file);

        JsonNode root = JSON.readTree(file.toFile());
        assertEquals("FeatureCollection", root.get("type").asText());
        assertEquals(0, root.get("features").size());
        assertTrue(Ogr.summary(file).contains("Feature Count: 0\n"));
    }

    @Test
    void anExistingFileIsReplaced() throws Exception {
        Path file = dir.resolve("targets.geojson");
        Files.writeString(file, "x".repeat(10_000));
        TargetGeoJson.write(SampleTargets.utm50().subList(0, 1), UTM_50N, file);

        assertEquals(1, JSON.readTree(file.toFile()).get("features").size());
        assertEquals(List.of(file), list(dir), "no temporary file is left");
    }

    @Test
    void aFailedWriteNamesTheFileAndLeavesNothingBehind() throws Exception {
        Path missing = dir.resolve("missing").resolve("targets.geojson");
        ExecutionFailedException e = assertThrows(ExecutionFailedException.class,
                () -> TargetGeoJson.write(SampleTargets.utm50(), UTM_50N, missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(List.of(), list(dir));

        Path folder = Files.createDirectory(dir.resolve("targets.geojson"));
        Files.writeString(folder.resolve("keep.txt"), "x");
        e = assertThrows(ExecutionFailedException.class,
                () -> TargetGeoJson.write(SampleTargets.utm50(), UTM_50N, folder));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertEquals(List.of(folder), list(dir));
    }

    /** The polygon's rings transformed vertex by vertex with {@code gdaltransform}. */
    private static Polygon gdalLonLat(Polygon grid) throws IOException, InterruptedException {
        LinearRing[] rings = new LinearRing[grid.getNumInteriorRing() + 1];
        for (int r = 0; r < rings.length; r++) {
            Coordinate[] c = (r == 0 ? grid.getExteriorRing() : grid.getInteriorRingN(r - 1)).getCoordinates();
            double[] xy = new double[2 * c.length];
            for (int i = 0; i < c.length; i++) {
                xy[2 * i] = c[i].x;
                xy[2 * i + 1] = c[i].y;
            }
            double[] lonLat = Ogr.toLonLat("EPSG:32650", xy);
            Coordinate[] out = new Coordinate[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
            }
            rings[r] = GEOMETRY.createLinearRing(out);
        }
        return GEOMETRY.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
    }

    private static Polygon polygon(JsonNode coordinates) {
        List<LinearRing> rings = new ArrayList<>();
        for (JsonNode ring : coordinates) {
            rings.add(GEOMETRY.createLinearRing(coordinates(ring)));
        }
        return GEOMETRY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    private static Coordinate[] coordinates(JsonNode ring) {
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(ring.get(i).get(0).doubleValue(), ring.get(i).get(1).doubleValue());
        }
        return c;
    }

    /** Shoelace formula: positive for a counter-clockwise ring (x east, y north). */
    private static double signedArea(JsonNode ring) {
        Coordinate[] c = coordinates(ring);
        double twice = 0;
        for (int i = 0; i + 1 < c.length; i++) {
            twice += c[i].x * c[i + 1].y - c[i + 1].x * c[i].y;
        }
        return twice / 2;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().collect(Collectors.toList());
        }
    }
}
