package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.http.User;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.jobs.JobStatus;
import org.geoprospect.server.jobs.JobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asynchronous execution, the job list, results, output files, dismissal and jobs across a restart. */
class JobsEndpointsTest {
    private static final String ASYNC = "respond-async";

    @TempDir
    Path dir;

    private Server start() throws Exception {
        Server server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
        if (server.layers().get("samples").isEmpty()) {
            server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650",
                    false);
        }
        return server;
    }

    @Test
    void anAsynchronousExecutionIsAJobToPollListAndFetch() throws Exception {
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            HttpResponse<String> accepted = api.post("/processes/interpolate/execution",
                    ProcessesEndpointsTest.INTERPOLATE, "Prefer", ASYNC);
            JsonNode status = ApiClient.json(accepted, 201);
            String jobId = status.get("jobID").asText();
            assertEquals("interpolate", status.get("processID").asText());
            assertEquals("process", status.get("type").asText());
            assertTrue(status.get("status").asText().matches("accepted|running|successful"), status.toString());
            String location = accepted.headers().firstValue("Location").orElseThrow();
            assertEquals(server.localUri() + "jobs/" + jobId, location);
            assertEquals(ASYNC, accepted.headers().firstValue("Preference-Applied").orElse(""));

            JsonNode done = api.awaitEnd(jobId, Duration.ofMinutes(2));
            assertEquals("successful", done.get("status").asText(), done.toString());
            assertEquals(100, done.get("progress").asInt());
            assertTrue(Instant.parse(done.get("finished").asText()).isAfter(Instant.parse(done.get("created")
                    .asText())));
            String results = link(done, StatusInfo.RESULTS_REL);
            JsonNode document = api.getJson(results);
            assertTrue(document.at("/grid/href").asText().endsWith("/jobs/" + jobId + "/outputs/grid"));
            assertEquals(200, api.getBytes(document.at("/grid/href").asText()).statusCode());
            JsonNode jobs = api.getJson("/jobs");
            assertEquals(jobId, jobs.at("/jobs/0/jobID").asText(), "newest first");

            // a raw execution's results are the output's content, now and later
            HttpResponse<String> raw = api.post("/processes/interpolate/execution", ProcessesEndpointsTest.INTERPOLATE
                    .replaceFirst("}}$", "}, \"outputs\": {\"grid\": {}}, \"response\": \"raw\"}"), "Prefer", ASYNC);
            String rawId = ApiClient.json(raw, 201).get("jobID").asText();
            assertEquals("successful", api.awaitEnd(rawId, Duration.ofMinutes(2)).get("status").asText());
            HttpResponse<byte[]> tiff = api.getBytes("/jobs/" + rawId + "/results");
            assertEquals("image/tiff; application=geotiff", tiff.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(new byte[] {'I', 'I', 42, 0}, java.util.Arrays.copyOf(tiff.body(), 4));

            // pages of the job list
            JsonNode first = api.getJson("/jobs?limit=1");
            assertEquals(1, first.get("jobs").size());
            assertEquals(rawId, first.at("/jobs/0/jobID").asText());
            JsonNode second = api.getJson(link(first, "next"));
            assertEquals(jobId, second.at("/jobs/0/jobID").asText());
            assertTrue(link(second, "prev").endsWith("offset=0"));
            ApiClient.problem(api.get("/jobs?limit=0"), 400, "limit");
        }
    }

    @Test
    void outputsAreServedFromTheJobFolderOnly() throws Exception {
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            JsonNode results = ApiClient.json(api.post("/processes/interpolate/execution",
                    ProcessesEndpointsTest.INTERPOLATE), 200);
            String outputs = results.at("/grid/href").asText().replaceFirst("grid$", "");
            ApiClient.problem(api.get(outputs + "map"), 404, "no output 'map'");
            ApiClient.problem(api.get(outputs + "_warnings"), 404, "_warnings");
            for (String sneaky : List.of("..%2F..%2Fserver.db", "%2E%2E%2F%2E%2E%2Fserver.db", "..")) {
                int code = api.get(outputs + sneaky).statusCode();
                assertTrue(code == 404 || code == 400, sneaky + " gave " + code);
            }
            ApiClient.problem(api.get("/jobs/" + UUID.randomUUID()), 404, "no job");
            ApiClient.problem(api.get("/jobs/not-a-uuid/outputs/grid"), 404, "no job");
            ApiClient.problem(api.delete("/jobs/" + UUID.randomUUID()), 404, "no job");
        }
    }

    /** Starts an asynchronous training of minutes and returns its job id once it reports progress. */
    private static String longTraining(Server server, ApiClient api, int epochs) throws Exception {
        if (server.layers().get("deposits").isEmpty()) {
            server.layers().publish(Path.of("test-data/deposits.csv"), "deposits", "Deposits", "test", "EPSG:32650",
                    false);
        }
        JsonNode grid = ApiClient.json(api.post("/processes/interpolate/execution",
                ProcessesEndpointsTest.INTERPOLATE.replace("500", "250")), 200).get("grid");
        String train = "{\"inputs\": {\"grid\": \"" + grid.get("layer").asText() + "\", \"deposits\": "
                + "{\"href\": \"layer:deposits\"}, \"crs\": \"EPSG:32650\", \"elements\": [\"Au\", \"Cu\"], "
                + "\"preset\": \"cpu\", \"network\": \"small\", \"patch\": 16, \"epochs\": " + epochs
                + ", \"folds\": 3}}";
        String jobId = ApiClient.json(api.post("/processes/trainModel/execution", train, "Prefer", ASYNC), 201)
                .get("jobID").asText();
        Instant until = Instant.now().plusSeconds(120);
        while (!api.getJson("/jobs/" + jobId).get("status").asText().equals("running")
                || api.getJson("/jobs/" + jobId).get("progress").asInt() == 0) {
            assertTrue(Instant.now().isBefore(until), "the training never started");
            Thread.sleep(50);
        }
        return jobId;
    }

    @Test
    void aRunningJobIsDismissedAndTheServerCarriesOn() throws Exception {
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            String jobId = longTraining(server, api, 500); // minutes
            Instant until = Instant.now().plusSeconds(120);
            JsonNode dismissed = ApiClient.json(api.delete("/jobs/" + jobId), 200);
            assertEquals("dismissed", dismissed.get("status").asText());
            assertTrue(dismissed.get("progress").asInt() < 100, "dismissed while it ran: " + dismissed);
            while (server.jobs().get(jobId).isPresent()) {
                assertTrue(Instant.now().isBefore(until.plusSeconds(60)), "the dismissed job never stopped");
                Thread.sleep(50);
            }
            ApiClient.problem(api.get("/jobs/" + jobId), 404, jobId);
            assertFalse(Files.exists(server.jobs().folder(jobId)), "its files are gone");
            assertEquals(200, api.post("/processes/interpolate/execution", ProcessesEndpointsTest.INTERPOLATE)
                    .statusCode(), "the server carries on");
        }
    }

    @Test
    void aWorkerThatDiesFailsItsJobWhileTheServerAndTheNextJobCarryOn() throws Exception {
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            String jobId = longTraining(server, api, 500);
            long worker = server.worker().pid();
            ProcessHandle.of(worker).orElseThrow().destroyForcibly(); // as the kernel's out-of-memory killer would
            Instant until = Instant.now().plusSeconds(60);
            JsonNode status = api.getJson("/jobs/" + jobId);
            while (status.get("status").asText().equals("running")) {
                assertTrue(Instant.now().isBefore(until), "the job outlived its worker: " + status);
                Thread.sleep(50);
                status = api.getJson("/jobs/" + jobId);
            }
            assertEquals("failed", status.get("status").asText(), status.toString());
            assertTrue(status.get("message").asText().contains("killed by SIGKILL"), status.toString());
            assertEquals(200, api.get("/processes").statusCode(), "the server is healthy");
            String quick = longTraining(server, api, 2);
            until = Instant.now().plusSeconds(120);
            while (!api.getJson("/jobs/" + quick).get("status").asText().equals("successful")) {
                assertTrue(Instant.now().isBefore(until), "the next job never finished: "
                        + api.getJson("/jobs/" + quick));
                Thread.sleep(100);
            }
            assertTrue(server.worker().pid() > 0 && server.worker().pid() != worker, "a new worker ran it");
        }
    }

    @Test
    void jobsSurviveARestartAndOneLeftRunningComesBackFailed() throws Exception {
        String jobId;
        String grid;
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            JsonNode results = ApiClient.json(api.post("/processes/interpolate/execution",
                    ProcessesEndpointsTest.INTERPOLATE), 200);
            grid = results.at("/grid/href").asText();
            jobId = grid.replaceAll(".*/jobs/([^/]+)/.*", "$1");
            grid = grid.substring(grid.indexOf("/jobs/"));
        }
        String stale = UUID.randomUUID().toString();
        try (JobStore store = new JobStore(dir.resolve("data/server.db"))) {
            store.insert(new Job(stale, "anonymous", "trainModel", JobStatus.RUNNING, 40, "epoch 20 of 50", Instant.now(),
                    Instant.now(), null, "{\"inputs\": {}}", null, null));
        }
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            assertEquals("successful", api.getJson("/jobs/" + jobId).get("status").asText());
            assertTrue(api.getJson("/jobs/" + jobId + "/results").at("/grid/layer").asText()
                    .startsWith("interpolate-"));
            HttpResponse<byte[]> tiff = api.getBytes(grid);
            assertEquals(200, tiff.statusCode());
            assertNotEquals(0, tiff.body().length);
            JsonNode failed = api.getJson("/jobs/" + stale);
            assertEquals("failed", failed.get("status").asText());
            assertTrue(failed.get("message").asText().contains("server stopped"), failed.toString());
            JsonNode problem = ApiClient.problem(api.get("/jobs/" + stale + "/results"), 500, "server stopped");
            assertEquals(stale, problem.get("jobID").asText());
            List<String> listed = new ArrayList<>();
            api.getJson("/jobs").get("jobs").forEach(j -> listed.add(j.get("jobID").asText()));
            assertTrue(listed.containsAll(List.of(jobId, stale)), listed.toString());
        }
    }

    @Test
    void usersListAndDismissTheirOwnJobsAndTheAdminEveryJob() throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 64L << 20,
                FetchAllowList.NONE, "admin-key", null, null, Set.of("*"))
                .withRoles(List.of(new User("ann", "ann-key"), new User("bob", "bob-key")), List.of());
        try (Server server = Server.start(config)) {
            server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650",
                    false);
            ApiClient api = new ApiClient(server.localUri());
            HttpResponse<String> byAnn = api.post("/processes/interpolate/execution",
                    ProcessesEndpointsTest.INTERPOLATE, "Prefer", ASYNC, "X-API-Key", "ann-key");
            String ann = ApiClient.json(byAnn, 201).get("jobID").asText();
            HttpResponse<String> byBob = api.post("/processes/interpolate/execution",
                    ProcessesEndpointsTest.INTERPOLATE, "Prefer", ASYNC, "Authorization", "Basic "
                            + Base64.getEncoder().encodeToString("bob:bob-key".getBytes(StandardCharsets.UTF_8)));
            String bob = ApiClient.json(byBob, 201).get("jobID").asText();
            assertEquals("ann", server.jobs().get(ann).orElseThrow().owner());

            assertEquals(List.of(ann), listed(api, "X-API-Key", "ann-key"));
            assertEquals(List.of(bob), listed(api, "X-API-Key", "bob-key"));
            assertEquals(Set.of(ann, bob), Set.copyOf(listed(api, "X-API-Key", "admin-key")));
            assertEquals(List.of(), listed(api), "anonymous callers list no jobs");
            assertEquals(bob, api.getJson("/jobs/" + bob).get("jobID").asText(), "a job is open to its id");

            assertEquals(401, api.delete("/jobs/" + bob).statusCode());
            ApiClient.problem(api.delete("/jobs/" + bob, "X-API-Key", "ann-key"), 403, "another user's");
            assertTrue(server.jobs().get(bob).isPresent(), "not dismissed by another user");
            ApiClient.json(api.delete("/jobs/" + ann, "X-API-Key", "ann-key"), 200);
            ApiClient.json(api.delete("/jobs/" + bob, "X-API-Key", "admin-key"), 200);
        }
    }

    private static List<String> listed(ApiClient api, String... headers) throws Exception {
        List<String> ids = new ArrayList<>();
        ApiClient.json(api.get("/jobs", headers), 200).get("jobs").forEach(j -> ids.add(j.get("jobID").asText()));
        return ids;
    }

    @Test
    void jobsWaitingAtAGracefulStopRunAtTheNextStart() throws Exception {
        String inline;
        String byUrl;
        String blocker;
        try (Server server = start()) {
            ApiClient api = new ApiClient(server.localUri());
            blocker = server.jobs().submit("anonymous", "interpolate", "{}", (folder, progress, cancellation) -> {
                while (true) { // the one asynchronous slot, taken until the stop
                    cancellation.check();
                    Thread.sleep(10);
                }
            }).id();
            ObjectNode request = (ObjectNode) ApiClient.JSON.readTree(ProcessesEndpointsTest.INTERPOLATE);
            ObjectNode inputs = (ObjectNode) request.get("inputs");
            inputs.putObject("samples").put("value", Files.readString(Path.of("test-data/samples.csv")))
                    .put("mediaType", "text/csv");
            inline = ApiClient.json(api.post("/processes/interpolate/execution", request.toString(), "Prefer", ASYNC),
                    201).get("jobID").asText();
            inputs.putObject("samples").put("href", server.localUri() + "layers/samples");
            byUrl = ApiClient.json(api.post("/processes/interpolate/execution", request.toString(), "Prefer", ASYNC),
                    201).get("jobID").asText();
            assertEquals("accepted", api.getJson("/jobs/" + byUrl).get("status").asText());
        }
        try (Server server = start()) { // on another port: the URL of its own layer is still its own
            ApiClient api = new ApiClient(server.localUri());
            for (String id : List.of(inline, byUrl)) {
                JsonNode done = api.awaitEnd(id, Duration.ofMinutes(2));
                assertEquals("successful", done.get("status").asText(), done.toString());
                assertEquals(200, api.getBytes("/jobs/" + id + "/outputs/grid").statusCode());
                assertFalse(Files.exists(server.jobs().folder(id).resolve("queued")), "its kept request is gone");
            }
            JsonNode stopped = api.getJson("/jobs/" + blocker);
            assertEquals("failed", stopped.get("status").asText());
            assertTrue(stopped.get("message").asText().contains("server stopped while the job ran"), stopped.toString());
        }
    }

    static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        throw new AssertionError("no link " + rel + " in " + doc);
    }
}
