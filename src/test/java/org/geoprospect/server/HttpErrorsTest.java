package org.geoprospect.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error over HTTP is a problem document (an OWS ExceptionReport on /wps), including those Jetty answers
 * itself before any route runs. Requests are sent as raw bytes: HTTP clients normalise or refuse such requests.
 */
class HttpErrorsTest {
    @TempDir
    static Path dir;

    private static Server server;

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 1 << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private record Answer(int status, String head, String body) {
    }

    private static Answer send(String requestLine, String body, String... headers) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            // the request line alone first: Jetty names a request it refuses before reading its request line
            // /badMessage (so a WPS client would get a problem document), which a whole 200 kB request in one read
            // sometimes is; a client's request line always comes first, and these tests are about what follows it
            out.write((requestLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pause();
            StringBuilder request = new StringBuilder("Host: localhost\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("Content-Length: ").append(body.length()).append("\r\nConnection: close\r\n\r\n")
                    .append(body);
            try {
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException e) {
                // a server that refuses a request may answer and close before the client has sent it all (a busy
                // machine reads the 200 kB header slowly): its answer is already on the way, read it all the same
            }
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, text.substring(split + 4));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode problem(Answer a, int status) throws IOException {
        assertEquals(status, a.status(), a.head() + "\n" + a.body());
        assertTrue(a.head().toLowerCase().contains("content-type: application/problem+json"), a.head());
        JsonNode p = new ObjectMapper().readTree(a.body());
        assertEquals(status, p.get("status").asInt(), a.body());
        return p;
    }

    @ParameterizedTest
    @CsvSource({"/layers/../../etc/passwd", "/nope/../..", "/%2e%2e/%2e%2e/etc/passwd"})
    void aPathAboveTheRootIsAProblem(String path) throws IOException {
        JsonNode p = problem(send("GET " + path + " HTTP/1.1", ""), 400);
        assertTrue(p.get("detail").asText().contains("leaves the root"), p.toString());
    }

    @Test
    void aQueryTooLongIsAProblem() throws IOException {
        JsonNode p = problem(send("GET /processes?q=" + "a".repeat(100_000) + " HTTP/1.1", ""), 414);
        assertEquals("URI Too Long", p.get("title").asText());
        assertTrue(p.get("detail").asText().contains("POST body"), p.toString());
    }

    @Test
    void aHeaderTooLargeIsAProblem() throws IOException {
        JsonNode p = problem(send("GET /processes HTTP/1.1", "", "X-Big: " + "b".repeat(200_000)), 431);
        assertTrue(p.get("detail").asText().contains("headers are larger"), p.toString());
    }

    @Test
    void aJettyErrorOnWpsIsAnExceptionReport() throws IOException {
        Answer a = send("GET /wps?service=WPS&request=GetCapabilities HTTP/1.1", "", "X-Big: " + "b".repeat(200_000));
        assertEquals(431, a.status(), a.body());
        assertTrue(a.head().toLowerCase().contains("content-type: text/xml"), a.head());
        assertTrue(a.body().contains("ows:ExceptionReport") && a.body().contains("exceptionCode=\"NoApplicableCode\"")
                && a.body().contains("headers are larger"), a.body());
    }

    @Test
    void aNumberBeyondDoubleIsBadInput() throws IOException {
        String body = "{\"inputs\": {\"samples\": {\"href\": \"layer:samples\"}, \"elements\": \"Cu\", "
                + "\"cellSize\": 1e400}}";
        JsonNode p = problem(send("POST /processes/interpolate/execution HTTP/1.1", body,
                "Content-Type: application/json"), 400);
        assertEquals("input 'cellSize': the number is beyond the largest there is (about ±1.8e308)",
                p.get("detail").asText());
    }
}
