package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.testsupport.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The landing page, conformance and API definition, read as clients read them. */
class LandingEndpointsTest {
    @TempDir
    static Path dir;

    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        api = new ApiClient(server.localUri());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theLandingPageLinksTheApiAndEveryLinkResolves() throws Exception {
        JsonNode landing = ApiClient.json(api.get("/", "Accept", "application/json"), 200);
        assertEquals(landing, api.getJson("/?f=json"));
        List<String> rels = new ArrayList<>();
        for (JsonNode link : landing.get("links")) {
            rels.add(link.get("rel").asText());
            String href = link.get("href").asText();
            assertTrue(href.startsWith(server.localUri().toString()), href);
            HttpResponse<String> r = api.get(href, "Accept", link.get("type").asText());
            assertEquals(200, r.statusCode(), href + ": " + r.body());
        }
        assertTrue(rels.containsAll(List.of("self", "service-desc", "conformance", "data", "service",
                "http://www.opengis.net/def/rel/ogc/1.0/conformance",
                "http://www.opengis.net/def/rel/ogc/1.0/processes",
                "http://www.opengis.net/def/rel/ogc/1.0/job-list")), rels.toString());
        JsonNode serviceDesc = link(landing, "service-desc");
        assertEquals("application/vnd.oai.openapi+json;version=3.0", serviceDesc.get("type").asText());
        assertTrue(serviceDesc.get("href").asText().endsWith("/api"));
        assertTrue(link(landing, "service").get("href").asText().endsWith("/wps?service=WPS&request=GetCapabilities"));
    }

    @Test
    void aBrowserGetsTheWebPageWhenThereIsOne() throws Exception {
        HttpResponse<String> r = api.get("/", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        boolean page = LandingEndpoints.class.getResource("/web/index.html") != null;
        assertEquals(page ? "text/html" : "application/json", r.headers().firstValue("Content-Type").orElse("")
                .split(";")[0], "without the page, JSON");
        assertTrue(api.get("/?f=json", "Accept", "text/html").headers().firstValue("Content-Type").orElse("")
                .startsWith("application/json"), "f=json overrides the Accept header");
    }

    @Test
    void conformanceDeclaresTheProcessesAndFeaturesClasses() throws Exception {
        List<String> classes = new ArrayList<>();
        api.getJson("/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
        for (String c : List.of("core", "ogc-process-description", "json", "job-list", "dismiss", "oas30")) {
            assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/" + c), c);
        }
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryProcessExecutionFromItsDescription() throws Exception {
        HttpResponse<String> r = api.get("/api");
        assertEquals("application/vnd.oai.openapi+json;version=3.0",
                r.headers().firstValue("Content-Type").orElse(""));
        JsonNode doc = ApiClient.JSON.readTree(r.body());
        assertTrue(doc.get("openapi").asText().startsWith("3.0."), doc.get("openapi").asText());
        assertEquals(server.localUri().toString(), doc.at("/servers/0/url").asText() + "/");
        JsonNode paths = doc.get("paths");
        for (String id : server.processes().all().keySet()) {
            JsonNode post = paths.at("/~1processes~1" + id + "~1execution/post");
            assertFalse(post.isMissingNode(), id);
            assertTrue(post.at("/responses/201/content/application~1json").isObject(), id);
        }
        JsonNode inputs = paths.at("/~1processes~1interpolate~1execution/post/requestBody/content/"
                + "application~1json/schema/properties/inputs");
        assertEquals("number", inputs.at("/properties/cellSize/type").asText());
        assertEquals(0, inputs.at("/properties/cellSize/minimum").asInt());
        assertTrue(inputs.at("/properties/cellSize/exclusiveMinimum").asBoolean());
        assertTrue(inputs.at("/properties/samples/anyOf").isArray());
        assertTrue(inputs.at("/properties/store").isMissingNode(), "the server's own model store is not offered");
        assertTrue(paths.at("/~1processes~1trainModel~1execution/post/requestBody/content/application~1json"
                + "/schema/properties/inputs/properties/store").isMissingNode());
        List<String> required = new ArrayList<>();
        inputs.get("required").forEach(n -> required.add(n.asText()));
        assertEquals(List.of("samples", "elements"), required);
        for (String p : List.of("/", "/conformance", "/api", "/processes", "/processes/{processID}", "/jobs",
                "/jobs/{jobID}", "/jobs/{jobID}/results", "/jobs/{jobID}/outputs/{outputID}", "/collections",
                "/collections/{collectionId}/items", "/layers", "/layers/{name}/map", "/wps")) {
            assertTrue(paths.has(p), p);
        }
        // every reference resolves within the document
        List<String> refs = new ArrayList<>();
        doc.findValues("$ref").forEach(v -> refs.add(v.asText()));
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertFalse(doc.at(ref.substring(1)).isMissingNode(), ref);
        }
    }

    @Test
    void whenWritesNeedCredentialsTheApiDefinitionSaysWhere() throws Exception {
        try (Server locked = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("locked"), JobLimits.DEFAULT,
                1 << 20, FetchAllowList.NONE, "k", null, null, Set.of("*")))) {
            JsonNode doc = new ApiClient(locked.localUri()).getJson("/api");
            assertEquals("X-API-Key", doc.at("/components/securitySchemes/apiKey/name").asText());
            assertTrue(doc.at("/components/securitySchemes/basic").isMissingNode());
            JsonNode paths = doc.get("paths");
            assertEquals("apiKey", paths.at("/~1processes~1interpolate~1execution/post/security/0").fieldNames()
                    .next());
            assertTrue(paths.at("/~1jobs~1{jobID}/delete/security").isArray());
            assertTrue(paths.at("/~1jobs~1{jobID}/get/security").isMissingNode(), "reading stays open");
        }
        assertTrue(api.getJson("/api").at("/components/securitySchemes").isMissingNode());
    }

    @Test
    void owslibReadsTheApiAsAnOgcApiProcessesClient() throws Exception {
        String python = "/usr/bin/python3"; // the system Python has OWSLib; the one on the PATH may not
        String script = "import json, sys\n"
                + "from owslib.ogcapi.processes import Processes\n"
                + "p = Processes(sys.argv[1])\n"
                + "print(json.dumps({'conformance': p.conformance()['conformsTo'],\n"
                + "  'processes': [x['id'] for x in p.processes()['processes']],\n"
                + "  'cellSize': p.process('interpolate')['inputs']['cellSize']['schema'],\n"
                + "  'openapi': p.api()['openapi']}))\n";
        Path file = Files.writeString(dir.resolve("client.py"), script);
        JsonNode out = ApiClient.JSON.readTree(Tool.run("", python, file.toString(),
                server.localUri().toString()));
        assertEquals("[\"interpolate\",\"selectElements\",\"trainModel\",\"predictTargets\"]",
                out.get("processes").toString());
        assertEquals("number", out.at("/cellSize/type").asText());
        assertTrue(out.get("openapi").asText().startsWith("3.0"));
        assertTrue(out.get("conformance").toString().contains("ogcapi-processes-1/1.0/conf/core"));
    }

    private static JsonNode link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l;
            }
        }
        throw new AssertionError("no link " + rel + " in " + doc);
    }
}
