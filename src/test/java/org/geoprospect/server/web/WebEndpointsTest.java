package org.geoprospect.server.web;

import org.geoprospect.server.Server;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's and Leaflet's files over HTTP: types, caching, and nothing else of the class path. */
class WebEndpointsTest {
    @TempDir
    static Path dir;

    private static Server server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = Server.start(new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 1 << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebEndpointsTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void servesThePageWithItsTypesAndRevalidation() throws Exception {
        HttpResponse<byte[]> page = get("/web/index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"/web/app.js\"") && html.contains("href=\"" + WebEndpoints.LEAFLET
                + "leaflet.css\""), "root-relative URLs, Leaflet from the server");
        assertTrue(get("/web/app.js").headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(get("/web/app.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));

        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/web/index.html", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    void servesLeafletFromItsWebjarForAYear() throws Exception {
        HttpResponse<byte[]> js = get(WebEndpoints.LEAFLET + "leaflet.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals("public, max-age=31536000, immutable", js.headers().firstValue("Cache-Control").orElse(""));
        assertArrayEquals(resource("META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js"), js.body());
        HttpResponse<byte[]> icon = get(WebEndpoints.LEAFLET + "images/marker-icon.png");
        assertEquals(200, icon.statusCode());
        assertEquals("image/png", icon.headers().firstValue("Content-Type").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/web/../wps-processes.xml",
        "/web/%2e%2e/wps-processes.xml",
        "/web/..%2fwps-processes.xml",
        "/web/%2e%2e%2f%2e%2e%2fMETA-INF/MANIFEST.MF",
        "/webjars/leaflet/1.9.4/dist/../LICENSE",
        "/webjars/leaflet/1.9.4/dist/%2e%2e/src/Leaflet.js",
        "/web/..\\simplelogger.properties",
        "/web/.hidden.js",
        "/web/missing.js",
        "/web/org/geoprospect/server/Server.class",
        "/webjars/leaflet/1.9.4/dist/images",
        "/web/"})
    void servesNothingOutsideItsTwoRoots(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + path.replace("\\", "%5C"))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " → "
                + response.statusCode());
        assertFalse(response.body().contains("<ProcessDescriptions") || response.body().contains("Manifest-Version")
                || response.body().contains("simpleLogger") || response.body().contains("Copyright"), path);
    }
}
