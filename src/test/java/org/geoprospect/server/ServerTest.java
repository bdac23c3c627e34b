package org.geoprospect.server;

import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.JobLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as an administrator starts it: its settings and what it protects. */
class ServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesNeedTheKeyWhenOneIsSetAndReadsStayOpen() throws Exception {
        ServerConfig config = new ServerConfig(0, dir.resolve("data"), JobLimits.DEFAULT, 1 << 20,
                FetchAllowList.NONE, "s3cret", "admin", "pw", Set.of("*"));
        try (Server server = Server.start(config)) {
            URI base = server.localUri();
            HttpResponse<String> denied = http.send(HttpRequest.newBuilder(base.resolve("processes/x/execution"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, denied.statusCode());
            assertEquals("application/problem+json", denied.headers().firstValue("Content-Type").orElse(""));
            assertTrue(denied.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            HttpResponse<String> kvpExecute = http.send(HttpRequest.newBuilder(base.resolve(
                    "wps?service=WPS&REQUEST=Execute&identifier=interpolate")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, kvpExecute.statusCode(), "a WPS Execute by GET writes too");
            assertTrue(kvpExecute.body().contains("ExceptionReport") && kvpExecute.body().contains("credentials"),
                    "WPS clients get an OWS ExceptionReport: " + kvpExecute.body());
            for (String[] header : new String[][] {{"X-API-Key", "s3cret"}, {"Authorization", "Basic YWRtaW46cHc="}}) {
                HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(base.resolve("no-such-route"))
                        .header(header[0], header[1]).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, allowed.statusCode(), header[0]);
            }
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(base.resolve("no-such-route")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, read.statusCode());
            assertTrue(Files.exists(dir.resolve("data/server.db")));
            assertTrue(Files.isDirectory(dir.resolve("data/models")));
        }
    }

    @Test
    void readsItsSettingsFileAndNamesAnUnknownKey() throws Exception {
        ServerConfig plain = ServerConfig.read(Files.writeString(dir.resolve("plain.properties"), "port = 1\n"));
        assertEquals(List.of(), plain.fetchHosts().entries());
        Path file = Files.writeString(dir.resolve("server.properties"), "port = 9999\ndata = store\nmaxAsync = 3\n"
                + "resultDays = 2\napiKey = k\nfetchHosts = data.example.org, *.example.com, "
                + "10.1.0.0/16\n");
        ServerConfig c = ServerConfig.read(file);
        assertEquals(List.of("data.example.org", "*.example.com", "10.1.0.0/16"), c.fetchHosts().entries());
        assertEquals(9999, c.port());
        assertEquals(dir.resolve("store").toAbsolutePath(), c.dataDir().toAbsolutePath());
        assertEquals(3, c.limits().maxAsync());
        assertEquals(2, c.limits().resultTtl().toDays());
        assertTrue(c.protectedWrites());
        Path bad = Files.writeString(dir.resolve("bad.properties"), "prot = 1\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.geoprospect.core.InvalidInputException.class,
                () -> ServerConfig.read(bad));
        assertTrue(e.getMessage().contains("unknown setting 'prot'"), e.getMessage());
        for (String[] setting : new String[][] {
                {"remoteReferences = true", "remoteReferences is replaced by fetchHosts"},
                {"fetchHosts = 10.0.0.0/40", "fetchHosts: '10.0.0.0/40': the prefix length must be 0 to 32"}}) {
            Path f = Files.writeString(dir.resolve("bad.properties"), setting[0] + "\n");
            var refused = assertThrows(org.geoprospect.core.InvalidInputException.class, () -> ServerConfig.read(f));
            assertTrue(refused.getMessage().contains(setting[1]), refused.getMessage());
        }
    }
}
