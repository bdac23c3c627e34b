package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The echo process as OGC's conformance suite for OGC API – Processes 1.0 (ets-ogcapi-processes10, class Jobs)
 * uses it: the requests below are the ones its job tests build from the description (a plain string input gets
 * "teststring", an input whose schema offers an object {"value": "teststring"}, an array input [1, 2, 3], a bounding
 * box input a CRS84 box, a binary input base64 in a "format" object, every output with transmissionMode value), and
 * the assertions are its own, made exact.
 */
class EchoProcessTest {
    private static final String ASYNC = "respond-async";
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    /** The suite's request without outputs (testJobCreationDefaultOutputs). */
    private static final String INPUTS = "{\"string\": \"teststring\", \"object\": {\"value\": \"teststring\"}, "
            + "\"binary\": {\"value\": \"teststring\"}}";
    private static final String ALL_OUTPUTS = "{\"string\": {\"transmissionMode\": \"value\"}, \"array\": "
            + "{\"transmissionMode\": \"value\"}, \"boundingBox\": {\"transmissionMode\": \"value\"}, \"object\": "
            + "{\"transmissionMode\": \"value\"}, \"binary\": {\"transmissionMode\": \"value\"}}";

    @TempDir
    static Path dir;

    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*"), true, List.of(), List.of()));
        api = new ApiClient(server.localUri());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String request(String inputs, String outputs, String response) {
        return "{\"inputs\": " + inputs + (outputs == null ? "" : ", \"outputs\": " + outputs)
                + (response == null ? "" : ", \"response\": \"" + response + "\"") + "}";
    }

    private static HttpResponse<String> execute(String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Accept", "application/json"));
        all.addAll(List.of(headers));
        return api.post("/processes/echo/execution", body, all.toArray(String[]::new));
    }

    /** The suite's setup reads these: inputs in order, their schemas' types, outputs named like the inputs. */
    @Test
    void isDescribedSoThatTheSuiteFindsEachKindOfInput() throws Exception {
        JsonNode echo = api.getJson("/processes/echo");
        assertEquals("[\"sync-execute\",\"async-execute\",\"dismiss\"]", echo.get("jobControlOptions").toString());
        JsonNode in = echo.get("inputs");
        assertEquals(List.of("string", "array", "boundingBox", "object", "binary", "pause"), names(in));
        assertEquals("{\"type\":\"string\"}", in.at("/string/schema").toString(), "the plain string comes first");
        assertEquals(1, in.at("/string/minOccurs").asInt(), "a request without it fails (testJobResultsFailed)");
        assertEquals("array", in.at("/array/schema/type").asText());
        assertEquals("integer", in.at("/array/schema/items/type").asText());
        assertEquals(10, in.at("/array/schema/maxItems").asInt());
        assertEquals(1, in.at("/array/maxOccurs").asInt(), "one array value, not ten");
        assertEquals("ogc-bbox", in.at("/boundingBox/schema/allOf/0/format").asText());
        assertEquals("bbox", in.at("/boundingBox/schema/allOf/1/required/0").asText());
        assertTrue(in.at("/object/schema/oneOf").findValues("type").stream().anyMatch(t -> t.asText()
                .equals("object")), in.get("object").toString());
        JsonNode binary = in.at("/binary/schema/oneOf/2");
        assertEquals("binary", binary.get("contentEncoding").asText());
        assertEquals("image/tiff; application=geotiff", binary.get("contentMediaType").asText());
        assertEquals("number", in.at("/pause/schema/type").asText());
        JsonNode out = echo.get("outputs");
        assertEquals(List.of("string", "array", "boundingBox", "object", "binary"), names(out));
        assertEquals("array", out.at("/array/schema/type").asText());
        assertEquals("ogc-bbox", out.at("/boundingBox/schema/allOf/0/format").asText());
        for (JsonNode o : out) { // the suite reads a schema without a type as a bounding box's allOf, format first
            assertTrue(o.at("/schema/type").isTextual() || o.at("/schema/allOf/0/format").isTextual(), o.toString());
            assertTrue(o.get("description").isTextual(), "process.yaml has no null description: " + o);
        }
        assertTrue(api.getJson("/api").at("/paths").has("/processes/echo/execution"));
    }

    /**
     * testJobCreationDefaultExecutionMode, -DefaultOutputs, -Inputs, -InputInline, -InputInlineObject,
     * -InputInlineMixed, -SyncDocument, -Op, testJobResultsSync.
     */
    @Test
    void echoesTheSuitesRequestSynchronouslyAsADocument() throws Exception {
        for (String body : List.of(request(INPUTS, null, null), request(INPUTS, ALL_OUTPUTS, "document"))) {
            HttpResponse<String> r = execute(body);
            JsonNode results = ApiClient.json(r, 200);
            assertEquals(List.of("string", "object", "binary"), names(results), "the inputs given, given back");
            assertEquals("teststring", results.get("string").asText());
            assertEquals("teststring", api.get(results.at("/object/href").asText()).body());
            assertEquals("image/tiff; application=geotiff", results.at("/binary/type").asText());
            assertEquals("teststring", api.get(results.at("/binary/href").asText()).body());
            String monitor = r.headers().firstValue("Link").orElseThrow();
            assertTrue(monitor.contains("rel=\"monitor\""), monitor);
            String job = monitor.replaceAll("^<([^>]*)>.*", "$1");
            assertEquals("successful", api.getJson(job).get("status").asText());
        }
        assertTrue(server.layers().list().isEmpty(), "an echo publishes no layer");
    }

    /** testJobCreationInputArray, -InputInlineBbox, -InputInlineBinary: each kind of value comes back as it went. */
    @Test
    void echoesArraysBoundingBoxesAndBinaryValues() throws Exception {
        JsonNode array = ApiClient.json(execute(request(INPUTS.replace("}}", "}, \"array\": [1, 2, 3]}"),
                "{\"array\": {\"transmissionMode\": \"value\"}}", null)), 200);
        assertEquals("{\"array\":[1,2,3]}", array.toString());

        String box = "{\"bbox\": [51.9, 7, 52, 7.1], \"crs\": \"" + CRS84 + "\"}";
        JsonNode boxes = ApiClient.json(execute(request(INPUTS.replace("}}", "}, \"boundingBox\": " + box + "}"),
                "{\"boundingBox\": {\"transmissionMode\": \"value\"}}", null)), 200);
        assertEquals(box.replace(" ", ""), boxes.get("boundingBox").toString());

        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, (byte) 0xff, 0};
        String binary = "{\"value\": \"" + Base64.getEncoder().encodeToString(tiff) + "\", \"format\": "
                + "{\"mediaType\": \"image/tiff; application=geotiff\", \"encoding\": \"base64\"}}";
        JsonNode results = ApiClient.json(execute(request(INPUTS.replace("{\"value\": \"teststring\"}}",
                binary + "}"), ALL_OUTPUTS, null)), 200);
        assertArrayEquals(tiff, api.getBytes(results.at("/binary/href").asText()).body(),
                "decoded as the format object says");
    }

    /** testJobCreationSyncRawValueOne; -SyncRawValueMulti, -SyncRawRef and -SyncRawMixedMulti ask for every output. */
    @Test
    void answersARawRequestWithTheOutputOrAPartEach() throws Exception {
        HttpResponse<String> one = execute(request(INPUTS, "{\"string\": {\"transmissionMode\": \"value\"}}", "raw"));
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), one.headers()
                .toString());
        assertEquals("teststring", one.body());

        String box = "{\"bbox\": [1, 2, 3, 4]}";
        Map<String, MultipartParts.Part> parts = MultipartParts.of(api.postBytes("/processes/echo/execution",
                request(INPUTS.replace("}}", "}, \"array\": [7], \"boundingBox\": " + box + "}"), ALL_OUTPUTS, "raw"),
                "Accept", "application/json"));
        assertEquals(List.of("string", "array", "boundingBox", "object", "binary"), List.copyOf(parts.keySet()));
        assertEquals("teststring", parts.get("string").text());
        assertEquals("[7]", parts.get("array").text());
        assertEquals("application/json", parts.get("boundingBox").type());
        assertEquals("{\"bbox\":[1,2,3,4]}", parts.get("boundingBox").text(), "no CRS given, none made up");
        assertEquals("teststring", parts.get("object").text());
        assertEquals("image/tiff; application=geotiff", parts.get("binary").type());
    }

    /** testJobCreationInputValidation (its wrong input) and testJobResultsFailed: 400 exceptions in JSON. */
    @Test
    void refusesWhatTheSuiteSendsAsInvalid() throws Exception {
        String wrong = "{\"type\": \"wrong/type_1\"}";
        HttpResponse<String> r = execute(request("{\"string\": \"teststring\", \"object\": " + wrong
                + ", \"binary\": " + wrong + "}", ALL_OUTPUTS, null));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = ApiClient.JSON.readTree(r.body());
        assertEquals(Problem.INVALID_PARAMETER, problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains("'binary': a JSON object is no image/tiff"),
                problem.toString());

        JsonNode missing = ApiClient.json(execute("{\"invalid-execute-request\": \"true)\"}"), 400);
        assertTrue(missing.get("detail").asText().contains("needs input 'string'"), missing.toString());
        for (String box : List.of("{\"bbox\": [1, 2, 3]}", "{\"bbox\": [1, 2, \"x\", 4]}", "{\"crs\": \"" + CRS84
                + "\"}")) {
            JsonNode bad = ApiClient.json(execute(request("{\"string\": \"s\", \"boundingBox\": " + box + "}", null,
                    null)), 400);
            assertTrue(bad.get("detail").asText().contains("'boundingBox'"), bad.toString());
        }
    }

    /**
     * testJobCreationAutoExecutionMode, -Request, -SuccessAsync, testJobResults, testJobResultsAsyncRawValueOne,
     * testJobResultsExceptionResultsNotReady (its pause): a job is polled at its Location, its results are not
     * ready while it pauses, then come as the request asked.
     */
    @Test
    void anAsynchronousJobPausesThenGivesItsResults() throws Exception {
        HttpResponse<String> accepted = execute(request("{\"string\": \"teststring\", \"pause\": 2}",
                "{\"string\": {\"transmissionMode\": \"value\"}}", "raw"), "Prefer", ASYNC);
        JsonNode created = ApiClient.json(accepted, 201);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode status = api.getJson(location);
        assertEquals(created.get("jobID"), status.get("jobID"));
        assertTrue(status.get("status").asText().matches("accepted|running"), status.toString());
        HttpResponse<String> early = api.get(location + "/results", "Accept", "application/json");
        assertEquals(404, early.statusCode(), early.body());
        assertEquals(JobResults.RESULT_NOT_READY, ApiClient.JSON.readTree(early.body()).get("type").asText());

        JsonNode done = api.awaitEnd(created.get("jobID").asText(), Duration.ofSeconds(30));
        assertEquals("successful", done.get("status").asText(), done.toString());
        HttpResponse<String> raw = api.get(JobsEndpointsTest.link(done, StatusInfo.RESULTS_REL));
        assertEquals("teststring", raw.body(), "raw, as the request asked");
        assertTrue(Duration.between(Instant.parse(done.get("started").asText()),
                Instant.parse(done.get("finished").asText())).toMillis() >= 2000, done.toString());
    }

    /** Dismissal (OGC API – Processes' dismiss class): a pausing job stops at once and frees its slot. */
    @Test
    void aDismissedJobStopsPausing() throws Exception {
        String id = ApiClient.json(execute(request("{\"string\": \"a\", \"pause\": 60}", null, null), "Prefer",
                ASYNC), 201).get("jobID").asText();
        Instant until = Instant.now().plusSeconds(30);
        while (!api.getJson("/jobs/" + id).get("status").asText().equals("running")) {
            assertTrue(Instant.now().isBefore(until), "the job never started");
            Thread.sleep(20);
        }
        JsonNode dismissed = ApiClient.json(api.delete("/jobs/" + id), 200);
        assertEquals("dismissed", dismissed.get("status").asText());
        // one asynchronous slot (the defaults): the next job runs only once the paused one has stopped
        String next = ApiClient.json(execute(request("{\"string\": \"b\"}", null, null), "Prefer", ASYNC), 201)
                .get("jobID").asText();
        assertEquals("successful", api.awaitEnd(next, Duration.ofSeconds(5)).get("status").asText(),
                "the dismissed job no longer holds the slot");
        ApiClient.problem(api.get("/jobs/" + id), 404, "no job"); // a dismissed job goes, files and all
    }

    /** Off by default, and never in WPS: the process list, descriptions and WPS capabilities keep to the four. */
    @Test
    void isOfferedOnlyWithTheSettingAndOnlyOverOgcApi() throws Exception {
        assertTrue(api.getJson("/processes").get("processes").findValuesAsText("id").contains("echo"));
        String capabilities = api.get("/wps?service=WPS&request=GetCapabilities").body();
        assertFalse(capabilities.contains(">echo<"), capabilities);
        try (Server plain = Server.start(ServerConfig.defaults(dir.resolve("plain")).withPort(0))) {
            ApiClient other = new ApiClient(plain.localUri());
            assertEquals(List.of("interpolate", "selectElements", "trainModel", "predictTargets"),
                    other.getJson("/processes").get("processes").findValuesAsText("id"));
            ApiClient.problem(other.get("/processes/echo"), 404, "no process 'echo'");
            ApiClient.problem(other.post("/processes/echo/execution", request(INPUTS, null, null)), 404, "echo");
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
