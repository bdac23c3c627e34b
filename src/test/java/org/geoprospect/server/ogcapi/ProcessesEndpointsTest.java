package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Process list, descriptions and synchronous execution, through the HTTP API. */
class ProcessesEndpointsTest {
    /** A quick interpolation (about a second) of the published samples. */
    static final String INTERPOLATE = "{\"inputs\": {\"samples\": {\"href\": \"layer:samples\"}, "
            + "\"crs\": \"EPSG:32650\", \"elements\": \"Au,Cu\", \"cellSize\": 500}}";

    @TempDir
    static Path dir;

    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650", false);
        api = new ApiClient(server.localUri());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void listsTheFourProcessesWithLinksToTheirDescriptions() throws Exception {
        JsonNode list = api.getJson("/processes");
        List<String> ids = new ArrayList<>();
        for (JsonNode p : list.get("processes")) {
            ids.add(p.get("id").asText());
            assertTrue(p.get("jobControlOptions").toString().contains("async-execute"));
            JsonNode self = p.get("links").get(0);
            assertEquals("self", self.get("rel").asText());
            assertEquals(p.get("id"), api.getJson(self.get("href").asText()).get("id"));
        }
        assertEquals(List.of("interpolate", "selectElements", "trainModel", "predictTargets"), ids);
    }

    @Test
    void theListComesInPagesOfTheLimitWithNextLinks() throws Exception {
        JsonNode first = api.getJson("/processes?limit=1");
        assertEquals(1, first.get("processes").size());
        assertEquals("interpolate", first.at("/processes/0/id").asText());
        List<String> ids = new ArrayList<>();
        for (JsonNode page = first; page != null; page = next(page)) {
            page.get("processes").forEach(p -> ids.add(p.get("id").asText()));
        }
        assertEquals(List.of("interpolate", "selectElements", "trainModel", "predictTargets"), ids);
        JsonNode middle = api.getJson("/processes?limit=2&offset=1");
        assertEquals("selectElements,trainModel", middle.at("/processes/0/id").asText() + ","
                + middle.at("/processes/1/id").asText());
        assertEquals(4, api.getJson("/processes?limit=99999").get("processes").size(), "above the maximum: the maximum");
        ApiClient.problem(api.get("/processes?limit=0"), 400, "limit");
    }

    private JsonNode next(JsonNode page) throws Exception {
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asText().equals("next")) {
                return api.getJson(link.get("href").asText());
            }
        }
        return null;
    }

    @Test
    void duplicateSlashesResolveLikeOne() throws Exception {
        String root = server.localUri().toString(); // ends with a slash
        assertEquals(4, api.getJson(root + "/processes").get("processes").size());
        assertEquals("interpolate", api.getJson(root + "processes//interpolate").get("id").asText());
    }

    @Test
    void describesInputsWithSchemasFromTheProcessDescription() throws Exception {
        JsonNode d = api.getJson("/processes/interpolate");
        assertEquals("interpolate", d.get("id").asText());
        assertEquals("1.0.0", d.get("version").asText());
        JsonNode cellSize = d.at("/inputs/cellSize");
        assertEquals(0, cellSize.get("minOccurs").asInt());
        assertEquals("number", cellSize.at("/schema/type").asText());
        assertEquals(0, cellSize.at("/schema/minimum").asInt());
        assertTrue(cellSize.at("/schema/exclusiveMinimum").asBoolean(), "the range is open at 0");
        assertEquals(10_000_000, cellSize.at("/schema/maximum").asLong());
        assertEquals("[\"zscore\",\"minmax\",\"none\"]", d.at("/inputs/normalize/schema/enum").toString());
        assertEquals("zscore", d.at("/inputs/normalize/schema/default").asText());
        assertEquals("integer", d.at("/inputs/neighbours/schema/type").asText());
        assertEquals(12, d.at("/inputs/neighbours/schema/default").asInt());
        assertTrue(d.at("/inputs/log/schema/default").isBoolean());
        assertEquals(64, d.at("/inputs/elements/maxOccurs").asInt());
        JsonNode samples = d.at("/inputs/samples/schema/oneOf");
        assertEquals("string", samples.at("/0/type").asText(), "a published layer's name");
        assertEquals("href", samples.at("/1/required/0").asText());
        List<String> media = new ArrayList<>();
        samples.forEach(s -> media.add(s.path("contentMediaType").asText()));
        assertTrue(media.containsAll(List.of("text/csv", "application/geopackage+sqlite3")), media.toString());
        assertEquals("image/tiff; application=geotiff", d.at("/outputs/grid/schema/oneOf/0/contentMediaType")
                .asText());
        assertTrue(api.getJson("/processes/trainModel").at("/inputs/store").isMissingNode());
        JsonNode execute = d.get("links").get(1);
        assertEquals("http://www.opengis.net/def/rel/ogc/1.0/execute", execute.get("rel").asText());
        assertTrue(execute.get("href").asText().endsWith("/processes/interpolate/execution"));
    }

    @Test
    void executesSynchronouslyAndTheGridIsAGeoTiffPublishedAsALayer() throws Exception {
        HttpResponse<String> r = api.post("/processes/interpolate/execution", INTERPOLATE);
        JsonNode results = ApiClient.json(r, 200);
        JsonNode grid = results.get("grid");
        assertEquals("image/tiff; application=geotiff", grid.get("type").asText());
        String href = grid.get("href").asText();
        assertTrue(href.startsWith(server.localUri() + "jobs/") && href.endsWith("/outputs/grid"), href);
        HttpResponse<byte[]> tiff = api.getBytes(href);
        assertEquals(200, tiff.statusCode());
        assertEquals("image/tiff; application=geotiff", tiff.headers().firstValue("Content-Type").orElse(""));
        assertEquals("inline; filename=\"grid.tif\"", tiff.headers().firstValue("Content-Disposition").orElse(""));
        Path file = Files.write(dir.resolve("grid.tif"), tiff.body());
        JsonNode info = ApiClient.JSON.readTree(Tool.run("", "gdalinfo", "-json", file.toString()));
        assertEquals(2, info.get("bands").size());
        assertTrue(info.at("/coordinateSystem/wkt").asText().contains("ID[\"EPSG\",32650]"),
                info.at("/coordinateSystem/wkt").asText());
        Layer layer = server.layers().get(grid.get("layer").asText()).orElseThrow();
        assertTrue(layer.name().startsWith("interpolate-"), layer.name());
        assertEquals("EPSG:32650", layer.crs());
        String monitor = r.headers().firstValue("Link").orElse("");
        String jobId = href.replaceAll(".*/jobs/([^/]+)/.*", "$1");
        assertTrue(monitor.contains("/jobs/" + jobId), monitor);
        assertEquals("successful", api.getJson("/jobs/" + jobId).get("status").asText());
        JsonNode report = api.getJson(results.at("/report/href").asText());
        assertTrue(report.isObject());
    }

    @Test
    void aRawResponseIsTheOutputAskedForOrAPartEach() throws Exception {
        String request = INTERPOLATE.replaceFirst("}}$", "}, \"outputs\": {\"report\": {}}, \"response\": \"raw\"}");
        HttpResponse<String> r = api.post("/processes/interpolate/execution", request);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("report.json"));
        assertTrue(ApiClient.JSON.readTree(r.body()).isObject());
        // every output (none named): multipart/related, a part per output by its identifier
        Map<String, MultipartParts.Part> parts = MultipartParts.of(api.postBytes("/processes/interpolate/execution",
                INTERPOLATE.replaceFirst("}}$", "}, \"response\": \"raw\"}")));
        assertEquals(List.of("grid", "report"), List.copyOf(parts.keySet()));
        assertEquals("image/tiff; application=geotiff", parts.get("grid").type());
        assertArrayEquals(new byte[] {'I', 'I', 42, 0}, Arrays.copyOf(parts.get("grid").content(), 4));
        assertEquals("application/json", parts.get("report").type());
        assertTrue(ApiClient.JSON.readTree(parts.get("report").content()).isObject());
    }

    @Test
    void readsInlineBase64DataArraysAndNumbersAsTheDescriptionTypesThem() throws Exception {
        String csv = "x,y,Au_ppb,Cu_ppm\n" + String.join("\n", Files.readAllLines(Path.of("test-data/samples.csv"))
                .subList(1, 400).stream().map(l -> {
                    String[] f = l.split(",");
                    return f[1] + "," + f[2] + "," + f[3] + "," + f[5];
                }).toList());
        String request = "{\"inputs\": {\"samples\": {\"value\": \""
                + Base64.getEncoder().encodeToString(csv.getBytes()) + "\", \"encoding\": \"base64\", "
                + "\"mediaType\": \"text/csv\"}, \"crs\": \"EPSG:32650\", \"elements\": [\"Au\", \"Cu\"], "
                + "\"cellSize\": 1000.0, \"log\": true, \"neighbours\": 8.0}, \"outputs\": {\"grid\": {}}}";
        JsonNode results = ApiClient.json(api.post("/processes/interpolate/execution", request), 200);
        assertEquals(1, results.size(), "only the output asked for: " + results);
        assertTrue(results.has("grid"));
        String jobId = results.at("/grid/href").asText().replaceAll(".*/jobs/([^/]+)/.*", "$1");
        JsonNode status = api.getJson("/jobs/" + jobId);
        assertEquals("successful", status.get("status").asText());
        // the job keeps the request without the data
        String kept = server.jobs().get(jobId).orElseThrow().inputs();
        assertTrue(kept.contains("\"inlineBytes\":" + csv.length()) && !kept.contains("eCx5"), kept);
        // media type and encoding in a "format" object, as OGC's conformance suite sends them
        String formatted = request.replace("\"encoding\": \"base64\", \"mediaType\": \"text/csv\"",
                "\"format\": {\"encoding\": \"base64\", \"mediaType\": \"text/csv\"}");
        assertEquals(200, api.post("/processes/interpolate/execution", formatted).statusCode());
    }

    @Test
    void describesBinaryFormatsAsTheStandardsExamplesDo() throws Exception {
        JsonNode grid = api.getJson("/processes/predictTargets").at("/inputs/grid/schema/oneOf/2");
        assertEquals("image/tiff; application=geotiff", grid.get("contentMediaType").asText());
        assertEquals("binary", grid.get("contentEncoding").asText(), "sent inline in base64, but binary data");
        JsonNode samples = api.getJson("/processes/interpolate").at("/inputs/samples/schema/oneOf/2");
        assertEquals("text/csv", samples.get("contentMediaType").asText());
        assertTrue(samples.path("contentEncoding").isMissingNode(), "text goes as it is");
    }

    @Test
    void badRequestsAreProblemsThatNameTheFault() throws Exception {
        ApiClient.problem(api.post("/processes/interpolate/execution", "{\"inputs\": {"), 400, "not valid JSON");
        ApiClient.problem(api.post("/processes/interpolate/execution", "[1]"), 400, "JSON object");
        JsonNode unknownProcess = ApiClient.problem(api.get("/processes/kriging"), 404, "kriging");
        assertEquals("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process",
                unknownProcess.get("type").asText());
        ApiClient.problem(api.post("/processes/kriging/execution", INTERPOLATE), 404, "kriging");
        ApiClient.problem(api.post("/processes/interpolate/execution",
                INTERPOLATE.replace("\"cellSize\"", "\"colour\": \"red\", \"cellSize\"")), 400, "colour");
        JsonNode range = ApiClient.problem(api.post("/processes/interpolate/execution",
                INTERPOLATE.replace("500", "-1")), 400, "cellSize");
        assertTrue(range.get("detail").asText().contains("range"), range.toString());
        assertEquals("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/invalid-parameter",
                range.get("type").asText());
        ApiClient.problem(api.post("/processes/interpolate/execution",
                INTERPOLATE.replace("layer:samples", "layer:nowhere")), 400, "nowhere");
        ApiClient.problem(api.post("/processes/interpolate/execution",
                INTERPOLATE.replace("\"cellSize\": 500", "\"cellSize\": null")), 400, "cellSize");
        // the model store is the server's: not an input over any protocol
        ApiClient.problem(api.post("/processes/trainModel/execution", "{\"inputs\": {\"store\": \"/tmp\"}}"), 400,
                "has no input 'store'");
        ApiClient.problem(api.post("/processes/interpolate/execution",
                INTERPOLATE.replaceFirst("}}$", "}, \"outputs\": {\"map\": {}}}")), 400, "no output 'map'");
        // a JSON object is data only for an input with a JSON format (the samples' GeoJSON), not for a GeoTIFF
        ApiClient.problem(api.post("/processes/predictTargets/execution", "{\"inputs\": {\"grid\": "
                + "{\"type\": \"wrong/type\"}}}"), 400, "'grid': a JSON object is no image/tiff");
        assertEquals(200, api.get("/processes").statusCode(), "the server still answers");
        // a client that accepts JSON but not problem+json (OGC's conformance suite) gets the document as JSON
        for (String accept : List.of("application/json", "application/json, text/html;q=0.5")) {
            HttpResponse<String> asJson = api.post("/processes/interpolate/execution", "[1]", "Accept", accept);
            assertEquals(400, asJson.statusCode());
            assertEquals("application/json", asJson.headers().firstValue("Content-Type").orElse(""));
            assertEquals(Problem.INVALID_PARAMETER, ApiClient.JSON.readTree(asJson.body()).get("type").asText());
        }
        assertEquals("application/problem+json", api.get("/processes/kriging", "Accept",
                "application/problem+json, application/json").headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aUrlTheServerDoesNotFetchIsRefusedBeforeAJobExists() throws Exception {
        int jobs = server.jobs().list(null, 100, 0).size();
        String metadata = "http://169.254.169.254/latest/meta-data/";
        for (String prefer : new String[] {"return=representation", "respond-async"}) {
            JsonNode p = ApiClient.problem(api.post("/processes/interpolate/execution",
                    INTERPOLATE.replace("layer:samples", metadata), "Prefer", prefer), 400,
                    "does not fetch " + metadata);
            assertEquals("Bad input 'samples'", p.get("title").asText());
            assertTrue(p.get("detail").asText().contains("fetchHosts"), p.toString());
            assertFalse(p.has("jobID"), p.toString());
        }
        assertEquals(jobs, server.jobs().list(null, 100, 0).size(), "no job was made");
    }

    @Test
    void aJobThatFailsSynchronouslyAnswersWithItsProblemAndIsKept() throws Exception {
        JsonNode p = ApiClient.problem(api.post("/processes/interpolate/execution",
                INTERPOLATE.replace("Au,Cu", "Au,Pt")), 400, "Pt");
        String jobId = p.get("jobID").asText();
        assertEquals("elements", p.get("locator").asText());
        JsonNode status = api.getJson("/jobs/" + jobId);
        assertEquals("failed", status.get("status").asText());
        JsonNode again = ApiClient.problem(api.get("/jobs/" + jobId + "/results"), 400, "Pt");
        assertEquals(jobId, again.get("jobID").asText());
    }
}
