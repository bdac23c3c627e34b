package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The tests' client of the server's HTTP API: requests by path or absolute URL, JSON answers checked and read. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String target, String... headers) throws IOException, InterruptedException {
        return http.send(request(target, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String target) throws IOException, InterruptedException {
        return http.send(request(target).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String target, String body, String... headers) throws IOException,
            InterruptedException {
        return http.send(request(target, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> postBytes(String target, String body, String... headers) throws IOException,
            InterruptedException {
        return http.send(request(target, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> delete(String target, String... headers) throws IOException, InterruptedException {
        return http.send(request(target, headers).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a JSON document, asserting 200. */
    JsonNode getJson(String target) throws IOException, InterruptedException {
        return json(get(target), 200);
    }

    /** Reads a response's JSON body, asserting its status and a JSON media type. */
    static JsonNode json(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("json"), r.headers().toString());
        return JSON.readTree(r.body());
    }

    /** Reads a problem document, asserting its status and that its detail names what it should. */
    static JsonNode problem(HttpResponse<String> r, int status, String detailNames) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = JSON.readTree(r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("detail").asText().contains(detailNames), p.toString());
        return p;
    }

    /** Polls a job's status until it has ended. */
    JsonNode awaitEnd(String jobId, Duration timeout) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            JsonNode status = getJson("/jobs/" + jobId);
            if (!status.get("status").asText().matches("accepted|running")) {
                return status;
            }
            Thread.sleep(100);
        }
        return fail("job " + jobId + " did not end within " + timeout);
    }

    private HttpRequest.Builder request(String target, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofMinutes(5));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }
}
