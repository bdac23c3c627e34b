package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole method over HTTP, as a web client or a script would run it: publish the demo survey's samples and
 * deposits, run the four processes in order — each referring to the previous one's output by its layer name or
 * literal — and fetch the target polygons as GeoJSON. The model trained by one job is predicted with by the next
 * from the shared cache, without loading it again.
 */
@Tag("slow") // the whole pipeline over HTTP
class DemoPipelineOverHttpTest {
    @TempDir
    Path dir;

    @Test
    void publishesTheSurveyRunsTheFourStepsAndServesTheTargets() throws Exception {
        try (Server server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT,
                64L << 20, FetchAllowList.NONE, null, null, null, Set.of("*")))) {
            ApiClient api = new ApiClient(server.localUri());
            HttpClient http = HttpClient.newHttpClient();
            for (String[] layer : new String[][] {{"samples", "test-data/samples.csv"},
                    {"deposits", "test-data/deposits.csv"}}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.localUri().resolve(
                        "layers?name=" + layer[0] + "&crs=EPSG:32650")).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of(layer[1]))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, r.statusCode(), r.body());
            }

            JsonNode grid = execute(api, "interpolate", "{\"samples\": {\"href\": \"layer:samples\"}, "
                    + "\"crs\": \"EPSG:32650\", \"elements\": \"Au,Ag,Cu,Sn,Sb,Mo,Hg,Ba,Zn,Pb\", \"cellSize\": 150, "
                    + "\"log\": true}").get("grid");
            String gridLayer = grid.get("layer").asText();

            JsonNode selection = execute(api, "selectElements", "{\"grid\": \"" + gridLayer + "\", \"deposits\": "
                    + "{\"href\": \"layer:deposits\"}, \"crs\": \"EPSG:32650\", \"buffer\": 5}");
            String selected = selection.get("selected").asText();
            Set<String> chosen = new HashSet<>(List.of(selected.split(",")));
            // the generator gave haloes to Au, Ag, Cu, Sn, Sb, Mo, Hg and Ba, not to Zn or Pb
            assertTrue(chosen.containsAll(Set.of("Au", "Cu", "Mo")), selected);
            assertTrue(!chosen.contains("Zn") || !chosen.contains("Pb"), selected);

            JsonNode trained = execute(api, "trainModel", "{\"grid\": {\"href\": \"layer:" + gridLayer + "\"}, "
                    + "\"deposits\": \"deposits\", \"crs\": \"EPSG:32650\", \"elements\": \"" + selected + "\", "
                    + "\"preset\": \"cpu\", \"network\": \"small\", \"patch\": 24, \"epochs\": 4, "
                    + "\"name\": \"pipeline\"}");
            String model = trained.get("modelId").asText();
            assertEquals("pipeline-v1", model);
            long worker = server.worker().pid();
            assertTrue(worker > 0, "trainModel ran in the native worker, which keeps the model in its cache");
            // only the cached model can serve the next job once its weights are gone from the store
            try (Stream<Path> files = Files.list(dir.resolve("data/models").resolve(model))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".params")).toList()) {
                    Files.delete(f);
                }
            }

            JsonNode predicted = execute(api, "predictTargets", "{\"grid\": \"" + gridLayer + "\", \"model\": \""
                    + model + "\", \"tiles\": \"12x12\", \"deposits\": \"deposits\", \"crs\": \"EPSG:32650\"}");
            assertTrue(predicted.get("summary").asText().contains("targets ("), predicted.toString());
            assertEquals(worker, server.worker().pid(), "the same worker, and so the same cache, predicted");
            assertEquals(1, server.worker().starts());
            String targets = predicted.get("targets").get("layer").asText();
            assertTrue(predicted.get("probability").has("layer"), "the probability raster is a layer too");

            JsonNode items = ApiClient.json(api.get("/collections/" + targets + "/items?limit=1000"), 200);
            assertEquals("FeatureCollection", items.get("type").asText());
            assertFalse(items.get("features").isEmpty());
            for (JsonNode f : items.get("features")) {
                assertEquals("Polygon", f.at("/geometry/type").asText());
                String status = f.at("/properties/status").asText();
                assertEquals(f.at("/properties/deposits").asInt() > 0 ? "known" : "new", status);
                double lon = f.at("/geometry/coordinates/0/0/0").asDouble();
                assertTrue(lon > 116 && lon < 118, "CRS84 longitude in UTM zone 50: " + lon);
            }
            assertEquals(items.get("features").size(), items.get("numberMatched").asInt());
        }
    }

    /** Runs a process synchronously and returns its results document. */
    private static JsonNode execute(ApiClient api, String process, String inputs) throws Exception {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.set("inputs", ApiClient.JSON.readTree(inputs));
        return ApiClient.json(api.post("/processes/" + process + "/execution", body.toString()), 200);
    }
}
