package org.geoprospect.server.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.crs.Crs;
import org.geoprospect.predict.SampleTargets;
import org.geoprospect.predict.TargetGeoPackage;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.layers.SyntheticRaster;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OGC API – Features over a real server: the sample points and hand-made target polygons, both in EPSG:32650. */
class FeaturesEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650", false);
        Path targets = dir.resolve("targets.gpkg");
        TargetGeoPackage.write(SampleTargets.utm50(), Crs.epsg(32650), targets);
        server.layers().publish(targets, "targets", "Targets", "test", null, false);
        server.layers().publish(SyntheticRaster.write(dir.resolve("grid.tif")), "grid", "Grid", "test", null, false);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void collectionsAreTheVectorLayersWithTheirCrs84Extent() throws Exception {
        JsonNode doc = json("collections");
        List<String> ids = new ArrayList<>();
        doc.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(List.of("samples", "targets"), ids, "rasters are no collections");
        JsonNode samples = json("collections/samples");
        assertEquals("Samples", samples.get("title").asText());
        assertEquals("feature", samples.get("itemType").asText());
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", samples.get("crs").get(0).asText());
        JsonNode bbox = samples.at("/extent/spatial/bbox/0");
        double[][] lonLat = samplesLonLat();
        double west = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        for (double[] p : lonLat) {
            west = Math.min(west, p[0]);
            north = Math.max(north, p[1]);
        }
        assertTrue(bbox.get(0).asDouble() <= west && west - bbox.get(0).asDouble() < 1e-3, bbox + " vs " + west);
        assertTrue(bbox.get(3).asDouble() >= north && bbox.get(3).asDouble() - north < 1e-3, bbox + " vs " + north);
        Set<String> rels = new HashSet<>();
        samples.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertTrue(rels.containsAll(List.of("self", "items")), rels.toString());
        assertEquals(404, get("collections/grid").statusCode());
        HttpResponse<String> missing = get("collections/nothing");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void pointsAreInCrs84AsGdalTransformsThemWithNumbersAsNumbers() throws Exception {
        HttpResponse<String> r = get("collections/samples/items?limit=10000");
        assertEquals(200, r.statusCode());
        assertEquals(FeaturesEndpoints.GEOJSON, r.headers().firstValue("Content-Type").orElse(""));
        JsonNode doc = JSON.readTree(r.body());
        assertEquals("FeatureCollection", doc.get("type").asText());
        assertEquals(1500, doc.get("numberMatched").asInt());
        assertEquals(1500, doc.get("numberReturned").asInt());
        assertTrue(doc.hasNonNull("timeStamp"));
        double[][] expected = samplesLonLat();
        JsonNode features = doc.get("features");
        for (int i = 0; i < 1500; i++) {
            JsonNode f = features.get(i);
            assertEquals(i + 1, f.get("id").asLong());
            assertEquals("Point", f.at("/geometry/type").asText());
            assertEquals(expected[i][0], f.at("/geometry/coordinates/0").asDouble(), 1e-6, "lon of " + (i + 1));
            assertEquals(expected[i][1], f.at("/geometry/coordinates/1").asDouble(), 1e-6, "lat of " + (i + 1));
        }
        JsonNode first = features.get(0).get("properties");
        assertEquals("GS00001", first.get("sample_id").asText());
        assertTrue(first.get("Cu_ppm").isNumber() && first.get("F_ppm").isIntegralNumber(), first.toString());
        assertEquals(12.1, first.get("Pb_ppm").asDouble(), 0);
        // Au holds values below detection such as "<0.3": its column stays text rather than mix types
        assertEquals("0.677", first.get("Au_ppb").asText());
        assertFalse(first.has("x"), "the coordinates are the geometry");
    }

    @Test
    void pagesLinkToTheNextAndPreviousPage() throws Exception {
        JsonNode page = json("collections/samples/items?limit=600");
        List<Long> ids = new ArrayList<>();
        int pages = 0;
        while (true) {
            pages++;
            assertEquals(1500, page.get("numberMatched").asInt());
            page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
            assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
            String prev = link(page, "prev");
            assertEquals(pages > 1, prev != null, "page " + pages);
            String next = link(page, "next");
            if (next == null) {
                break;
            }
            assertTrue(next.startsWith("http://"), next);
            page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(next)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        assertEquals(3, pages);
        assertEquals(1500, new TreeSet<>(ids).size());
        assertEquals(1, ids.get(0));
        assertEquals(1500, ids.get(ids.size() - 1));
        JsonNode last = json("collections/samples/items?limit=600&offset=1200");
        assertEquals(300, last.get("numberReturned").asInt());
        assertTrue(link(last, "prev").contains("offset=600"), link(last, "prev"));
        assertEquals(100, json("collections/samples/items").get("numberReturned").asInt(), "the default limit");
        assertEquals(0, json("collections/samples/items?offset=5000").get("numberReturned").asInt());
        for (String bad : List.of("limit=0", "limit=x", "offset=-1", "bbox=1,2,3", "bbox=116,23,117,22",
                "bbox=a,b,c,d", "bbox=116,22,117,23&bbox-crs=EPSG:32650")) {
            HttpResponse<String> r = get("collections/samples/items?" + bad);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), bad);
        }
    }

    @Test
    void bboxKeepsExactlyThePointsInside() throws Exception {
        double[][] lonLat = samplesLonLat();
        double[] box = {116.1, 22.7, 116.2, 22.8};
        Set<Long> inside = new TreeSet<>();
        for (int i = 0; i < lonLat.length; i++) {
            if (lonLat[i][0] >= box[0] && lonLat[i][0] <= box[2] && lonLat[i][1] >= box[1]
                    && lonLat[i][1] <= box[3]) {
                inside.add(i + 1L);
            }
        }
        assertTrue(inside.size() > 10 && inside.size() < 1400, "a box that splits the samples: " + inside.size());
        JsonNode doc = json("collections/samples/items?limit=10000&bbox=116.1,22.7,116.2,22.8");
        Set<Long> got = new TreeSet<>();
        doc.get("features").forEach(f -> got.add(f.get("id").asLong()));
        assertEquals(inside, got);
        assertEquals(inside.size(), doc.get("numberMatched").asInt());
        JsonNode paged = json("collections/samples/items?limit=5&bbox=116.1,22.7,116.2,22.8");
        assertTrue(link(paged, "next").contains("bbox=116.1%2C22.7%2C116.2%2C22.8"), link(paged, "next"));
        assertEquals(0, json("collections/samples/items?bbox=0,0,1,1").get("numberMatched").asInt());
    }

    @Test
    void oneFeatureByItsIdRoundTrips() throws Exception {
        JsonNode all = json("collections/samples/items?limit=10000");
        JsonNode f = json("collections/samples/items/17");
        assertEquals("Feature", f.get("type").asText());
        assertEquals(17, f.get("id").asLong());
        assertEquals(all.get("features").get(16).get("geometry"), f.get("geometry"));
        assertEquals(all.get("features").get(16).get("properties"), f.get("properties"));
        assertEquals("GS00017", f.at("/properties/sample_id").asText());
        for (String missing : List.of("0", "1501", "abc")) {
            assertEquals(404, get("collections/samples/items/" + missing).statusCode(), missing);
        }
        assertEquals(404, get("collections/nothing/items/1").statusCode());
    }

    @Test
    void targetPolygonsKeepTheirFieldsAndFollowTheRightHandRule() throws Exception {
        JsonNode doc = json("collections/targets/items");
        assertEquals(4, doc.get("numberMatched").asInt());
        JsonNode first = doc.get("features").get(0);
        assertEquals(1, first.get("id").asLong(), "the GeoPackage's primary key");
        JsonNode p = first.get("properties");
        assertEquals(List.of("id", "rank", "status", "tiles", "mean_prob", "max_prob", "prob_sd", "area_km2", "deposits",
                "cells"), names(p));
        assertTrue(p.get("rank").isIntegralNumber() && p.get("mean_prob").isFloatingPointNumber(), p.toString());
        assertEquals("known", p.get("status").asText());
        assertEquals("7,8,12", p.get("tiles").asText());
        assertEquals(0.8123456789012345, p.get("mean_prob").asDouble(), 0);
        assertTrue(doc.get("features").get(1).get("properties").get("tiles").isNull());

        // target 1 is the first cell, corners (480000, 3500000) … (481000, 3501000), written clockwise
        String lonLat = Tool.run("480000 3500000\n481000 3501000\n", "gdaltransform", "-s_srs", "EPSG:32650",
                "-t_srs", "EPSG:4326");
        String[] lines = lonLat.strip().split("\n");
        double[] sw = numbers(lines[0]);
        double[] ne = numbers(lines[1]);
        JsonNode ring = first.at("/geometry/coordinates/0");
        assertEquals("Polygon", first.at("/geometry/type").asText());
        assertEquals(sw[0], ring.get(0).get(0).asDouble(), 1e-6);
        assertEquals(sw[1], ring.get(0).get(1).asDouble(), 1e-6);
        assertTrue(contains(ring, ne), ring.toString());
        assertTrue(Orientation.isCCW(coordinates(ring)), "exterior counter-clockwise");
        JsonNode holed = doc.get("features").get(2).at("/geometry/coordinates");
        assertEquals(2, holed.size(), "target 3 has a hole");
        assertTrue(Orientation.isCCW(coordinates(holed.get(0))));
        assertFalse(Orientation.isCCW(coordinates(holed.get(1))), "holes clockwise");
        assertEquals(List.of(3L), ids(json("collections/targets/items/3")));
    }

    private static List<Long> ids(JsonNode feature) {
        return List.of(feature.get("id").asLong());
    }

    private static boolean contains(JsonNode ring, double[] lonLat) {
        for (JsonNode c : ring) {
            if (Math.abs(c.get(0).asDouble() - lonLat[0]) < 1e-6 && Math.abs(c.get(1).asDouble() - lonLat[1]) < 1e-6) {
                return true;
            }
        }
        return false;
    }

    private static Coordinate[] coordinates(JsonNode ring) {
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        }
        return c;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The samples' lon/lat by GDAL, in file order. */
    private static double[][] samplesLonLat() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("test-data/samples.csv"));
        StringBuilder xy = new StringBuilder();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            xy.append(f[1]).append(' ').append(f[2]).append('\n');
        }
        String[] out = Tool.run(xy.toString(), "gdaltransform", "-s_srs", "EPSG:32650", "-t_srs", "EPSG:4326")
                .strip().split("\n");
        double[][] lonLat = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            lonLat[i] = numbers(out[i]);
        }
        return lonLat;
    }

    private static double[] numbers(String line) {
        String[] parts = line.strip().split("\\s+");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    private static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                assertEquals(FeaturesEndpoints.GEOJSON, l.get("type").asText());
                return l.get("href").asText();
            }
        }
        return null;
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.localUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
