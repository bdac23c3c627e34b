package org.geoprospect.server.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.crs.Crs;
import org.geoprospect.predict.SampleTargets;
import org.geoprospect.predict.TargetGeoPackage;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.http.User;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer resources over a real server: uploads in each format and both encodings, conflicts, limits, admin. */
class LayersEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "geoprospect-test-boundary";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A layer file to upload, what its Content-Type is, and what the server should make of it. */
    private record Upload(String fileName, String mediaType, String crs, String kind, int count) {
    }

    @Test
    void uploadsEachFormatAsRawBodyAndAsMultipart() throws Exception {
        List<Upload> uploads = List.of(
                new Upload("deposits.csv", "text/csv", "EPSG:32650", "vector", 30),
                new Upload("points.geojson", "application/geo+json", null, "vector", 3),
                new Upload("deposits.zip", "application/zip", null, "vector", 30),
                new Upload("targets.gpkg", "application/geopackage+sqlite3", null, "vector", 4),
                new Upload("grid.tif", "image/tiff; application=geotiff", null, "raster", 2));
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.copy(Path.of("test-data/deposits.csv"), files.resolve("deposits.csv"));
        Files.writeString(files.resolve("points.geojson"), """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [116.1, 22.7]}, "properties": {}},
                 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [116.2, 22.8]}, "properties": {}},
                 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [116.3, 22.9]}, "properties": {}}
                ]}""");
        zipShapefile(files.resolve("deposits.zip"));
        TargetGeoPackage.write(SampleTargets.utm50(), Crs.epsg(32650), files.resolve("targets.gpkg"));
        SyntheticRaster.write(files.resolve("grid.tif"));

        try (Server server = Server.start(config(64L << 20, null))) {
            for (Upload u : uploads) {
                byte[] data = Files.readAllBytes(files.resolve(u.fileName()));
                String raw = "raw-" + u.fileName().replace('.', '-');
                HttpResponse<String> r = send(server, HttpRequest.newBuilder(uri(server, "layers?name=" + raw
                        + (u.crs() == null ? "" : "&crs=" + u.crs()) + "&title=Raw%20" + u.fileName()))
                        .header("Content-Type", u.mediaType()).POST(HttpRequest.BodyPublishers.ofByteArray(data)));
                checkCreated(r, raw, u);
                assertEquals("Raw " + u.fileName(), JSON.readTree(r.body()).get("title").asText());

                String multi = "multi-" + u.fileName().replace('.', '-');
                Map<String, String> fields = new LinkedHashMap<>(Map.of("name", multi));
                if (u.crs() != null) {
                    fields.put("crs", u.crs());
                }
                r = send(server, HttpRequest.newBuilder(uri(server, "layers"))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields, u.fileName(),
                                "application/octet-stream", data))));
                checkCreated(r, multi, u);
                if (u.kind().equals("vector")) {
                    JsonNode items = JSON.readTree(send(server, HttpRequest.newBuilder(uri(server, "collections/"
                            + multi + "/items"))).body());
                    assertEquals(u.count(), items.get("numberMatched").asInt(), multi);
                }
            }
            JsonNode list = JSON.readTree(send(server, HttpRequest.newBuilder(uri(server, "layers"))).body());
            assertEquals(10, list.get("layers").size());
            JsonNode tif = JSON.readTree(send(server, HttpRequest.newBuilder(uri(server, "layers/raw-grid-tif")))
                    .body());
            assertArrayEquals(new double[] {480_000, 3_500_000, 484_000, 3_503_000}, doubles(tif.get("bbox")), 1e-9);
            assertEquals("/layers/raw-grid-tif/map", tif.get("links").get(0).get("href").asText());
            assertEquals("/collections/raw-deposits-csv/items", JSON.readTree(send(server, HttpRequest.newBuilder(
                    uri(server, "layers/raw-deposits-csv"))).body()).get("links").get(0).get("href").asText());
        }
    }

    @Test
    void refusesATakenNameAnUnsafeNameAndAFileThatIsNoLayer() throws Exception {
        try (Server server = Server.start(config(64L << 20, null))) {
            byte[] csv = Files.readAllBytes(Path.of("test-data/deposits.csv"));
            assertEquals(201, postCsv(server, "layers?name=deposits&crs=EPSG:32650", csv).statusCode());
            HttpResponse<String> taken = postCsv(server, "layers?name=deposits&crs=EPSG:32650", csv);
            assertEquals(409, taken.statusCode());
            assertProblem(taken, "exists");

            HttpResponse<String> unsafe = postCsv(server, "layers?name=..%2Fx&crs=EPSG:32650", csv);
            assertEquals(400, unsafe.statusCode());
            assertProblem(unsafe, "not allowed");
            HttpResponse<String> noName = postCsv(server, "layers?crs=EPSG:32650", csv);
            assertEquals(400, noName.statusCode());
            assertProblem(noName, "name");

            HttpResponse<String> text = send(server, HttpRequest.newBuilder(uri(server, "layers?name=notes"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("Dear admin,\nplease publish this.\n")));
            assertEquals(400, text.statusCode());
            assertProblem(text, "not a layer");
            assertEquals(404, send(server, HttpRequest.newBuilder(uri(server, "layers/notes"))).statusCode());
            assertEquals(1, JSON.readTree(send(server, HttpRequest.newBuilder(uri(server, "layers"))).body())
                    .get("layers").size());
        }
    }

    @Test
    void refusesABodyOverTheLimitAndStaysHealthy() throws Exception {
        try (Server server = Server.start(config(64 << 10, null))) {
            byte[] big = bigCsv(1 << 20);
            HttpResponse<String> raw = postCsv(server, "layers?name=big&crs=EPSG:32650", big);
            assertEquals(413, raw.statusCode());
            assertProblem(raw, "maxUploadMegabytes");
            HttpResponse<String> multi = send(server, HttpRequest.newBuilder(uri(server, "layers?name=big"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Map.of("crs", "EPSG:32650"),
                            "big.csv", "text/csv", big))));
            assertEquals(413, multi.statusCode());
            // without a Content-Length the server counts as it reads
            HttpResponse<String> chunked = send(server, HttpRequest.newBuilder(uri(server,
                    "layers?name=big&crs=EPSG:32650")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
            assertEquals(413, chunked.statusCode());
            assertProblem(chunked, "maxUploadMegabytes");

            assertEquals(0, JSON.readTree(send(server, HttpRequest.newBuilder(uri(server, "layers"))).body())
                    .get("layers").size(), "nothing published");
            try (Stream<Path> left = Files.list(dir.resolve("data/uploads"))) {
                assertEquals(0, left.count(), "no upload left behind");
            }
            assertEquals(201, postCsv(server, "layers?name=small&crs=EPSG:32650",
                    Files.readAllBytes(Path.of("test-data/deposits.csv"))).statusCode(), "still serving");
        }
    }

    @Test
    void registeringAServerFileIsForTheAdministratorOnlyAndFromTheRegisterFoldersOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("gis"));
        Path samples = Files.copy(Path.of("test-data/samples.csv"), folder.resolve("samples.csv"));
        Path outside = Files.copy(Path.of("test-data/deposits.csv"), dir.resolve("deposits.csv"));
        Files.createSymbolicLink(folder.resolve("link.csv"), outside);
        String body = register("samples", samples.toString());
        try (Server open = Server.start(config(64L << 20, null).withRoles(List.of(), List.of(folder)))) {
            HttpResponse<String> r = send(open, post(open, "layers/register", body));
            assertEquals(403, r.statusCode());
            assertProblem(r, "apiKey");
        }
        try (Server guarded = Server.start(config(64L << 20, "s3cret").withRoles(List.of(new User("ann", "u-key")),
                List.of(folder)))) {
            assertEquals(401, send(guarded, post(guarded, "layers/register", body)).statusCode(), "no key");
            HttpResponse<String> user = send(guarded, post(guarded, "layers/register", body).header("X-API-Key",
                    "u-key"));
            assertEquals(403, user.statusCode(), "a user's key");
            assertProblem(user, "administrator");
            HttpResponse<String> r = send(guarded, post(guarded, "layers/register", body).header("X-API-Key",
                    "s3cret"));
            assertEquals(201, r.statusCode(), r.body());
            JsonNode layer = JSON.readTree(r.body());
            assertEquals("Stream sediments", layer.get("title").asText());
            assertEquals(1500, layer.get("count").asInt());
            assertTrue(layer.get("source").asText().startsWith("registered "), layer.toString());
            for (String path : new String[] {outside.toString(), folder.resolve("../deposits.csv").toString(),
                    folder.resolve("link.csv").toString()}) {
                HttpResponse<String> refused = send(guarded, post(guarded, "layers/register", register("d", path))
                        .header("X-API-Key", "s3cret"));
                assertEquals(403, refused.statusCode(), path);
                assertProblem(refused, "registerFolders");
            }
            HttpResponse<String> missing = send(guarded, post(guarded, "layers/register",
                    "{\"name\": \"x\", \"path\": \"/no/such/file.csv\"}").header("X-API-Key", "s3cret"));
            assertEquals(400, missing.statusCode());
        }
        try (Server noFolders = Server.start(config(64L << 20, "s3cret"))) {
            HttpResponse<String> r = send(noFolders, post(noFolders, "layers/register", body).header("X-API-Key",
                    "s3cret"));
            assertEquals(403, r.statusCode(), "no register folders, no registering");
            assertProblem(r, "registerFolders");
        }
    }

    @Test
    void aUserUploadsButOnlyTheAdministratorDeletesLayers() throws Exception {
        try (Server server = Server.start(config(64L << 20, "s3cret").withRoles(List.of(new User("ann", "u-key")),
                List.of()))) {
            HttpRequest.Builder upload = HttpRequest.newBuilder(uri(server, "layers?name=d&crs=EPSG:32650"))
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(
                            Path.of("test-data/deposits.csv")));
            assertEquals(401, send(server, upload).statusCode());
            assertEquals(201, send(server, upload
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "ann:u-key".getBytes(StandardCharsets.UTF_8)))).statusCode(), "a user uploads");
            HttpResponse<String> byUser = send(server, HttpRequest.newBuilder(uri(server, "layers/d")).DELETE()
                    .header("X-API-Key", "u-key"));
            assertEquals(403, byUser.statusCode());
            assertProblem(byUser, "administrator");
            assertEquals(204, send(server, HttpRequest.newBuilder(uri(server, "layers/d")).DELETE()
                    .header("X-API-Key", "s3cret")).statusCode(), "the admin deletes");
        }
    }

    private static String register(String name, String path) {
        return JSON.createObjectNode().put("name", name).put("path", path).put("crs", "EPSG:32650")
                .put("title", "Stream sediments").toString();
    }

    private static HttpRequest.Builder post(Server server, String path, String body) {
        return HttpRequest.newBuilder(uri(server, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void servesTheFileAndDeletesTheLayer() throws Exception {
        Tool.require("gdalinfo");
        try (Server server = Server.start(config(64L << 20, null))) {
            byte[] tif = Files.readAllBytes(SyntheticRaster.write(dir.resolve("grid.tif")));
            HttpResponse<String> created = send(server, HttpRequest.newBuilder(uri(server, "layers?name=grid"))
                    .header("Content-Type", "image/tiff").POST(HttpRequest.BodyPublishers.ofByteArray(tif)));
            assertEquals(201, created.statusCode(), created.body());
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(uri(server, "layers/grid/file")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode());
            assertEquals("image/tiff; application=geotiff", file.headers().firstValue("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"grid.tif\"", file.headers().firstValue("Content-Disposition")
                    .orElse(""));
            Path copy = Files.write(dir.resolve("downloaded.tif"), file.body());
            String info = Tool.run("", "gdalinfo", copy.toString());
            assertTrue(info.contains("Size is 4, 3"), info);
            assertTrue(info.contains("UTM zone 50N"), info);
            assertTrue(info.contains("Origin = (480000.000000000000000,3503000.000000000000000)"), info);

            assertEquals(204, send(server, HttpRequest.newBuilder(uri(server, "layers/grid")).DELETE()).statusCode());
            assertEquals(404, send(server, HttpRequest.newBuilder(uri(server, "layers/grid"))).statusCode());
            assertEquals(404, send(server, HttpRequest.newBuilder(uri(server, "layers/grid/file"))).statusCode());
            assertEquals(404, send(server, HttpRequest.newBuilder(uri(server, "layers/grid")).DELETE()).statusCode());
        }
    }

    private void checkCreated(HttpResponse<String> r, String name, Upload u) throws IOException {
        assertEquals(201, r.statusCode(), name + ": " + r.body());
        assertEquals("/layers/" + name, r.headers().firstValue("Location").orElse(""));
        JsonNode layer = JSON.readTree(r.body());
        assertEquals(name, layer.get("name").asText());
        assertEquals(u.kind(), layer.get("kind").asText(), name);
        assertEquals(u.count(), layer.get("count").asInt(), name);
        assertEquals("upload", layer.get("source").asText());
        double[] bbox84 = doubles(layer.get("bbox84"));
        assertTrue(bbox84[0] > 115.5 && bbox84[2] < 117 && bbox84[1] > 22 && bbox84[3] < 32, layer.toString());
    }

    /** A zipped shapefile of the deposits, made by GDAL from the CSV. */
    private void zipShapefile(Path zip) throws Exception {
        Path shp = Files.createDirectories(dir.resolve("shp"));
        Tool.run("", "ogr2ogr", "-f", "ESRI Shapefile", shp.resolve("deposits.shp").toString(),
                "test-data/deposits.csv", "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-a_srs",
                "EPSG:32650");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> parts = Files.list(shp)) {
            for (Path p : parts.sorted().toList()) {
                out.putNextEntry(new ZipEntry(p.getFileName().toString()));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

    private static byte[] multipart(Map<String, String> fields, String fileName, String mediaType, byte[] data)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(data);
        out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] bigCsv(int bytes) {
        StringBuilder s = new StringBuilder("x,y,v\n");
        for (int i = 0; s.length() < bytes; i++) {
            s.append(400_000 + i).append(",2500000,").append(i).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postCsv(Server server, String path, byte[] csv) throws Exception {
        return send(server, HttpRequest.newBuilder(uri(server, path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    private HttpResponse<String> send(Server server, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> r, String detailHas) throws IOException {
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        String detail = JSON.readTree(r.body()).get("detail").asText();
        assertTrue(detail.contains(detailHas), detail);
    }

    private static URI uri(Server server, String path) {
        return server.localUri().resolve(path);
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    private ServerConfig config(long maxUploadBytes, String apiKey) {
        return new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, maxUploadBytes,
                FetchAllowList.NONE, apiKey, null, null, Set.of("*"));
    }
}
