package org.geoprospect.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.http.User;
import org.geoprospect.server.jobs.JobLimits;
import org.geoprospect.server.jobs.JobOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server as an administrator starts it: its settings, where it listens, what it protects and warns of. */
class ServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writesNeedTheKeyWhenOneIsSetAndReadsStayOpen() throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 1 << 20,
                FetchAllowList.NONE, "s3cret", "admin", "pw", Set.of("*"))
                .withRoles(List.of(new User("ann", "u-key")), List.of());
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
            for (String[] header : new String[][] {{"X-API-Key", "s3cret"}, {"Authorization", "Basic YWRtaW46cHc="},
                    {"X-API-Key", "u-key"}, {"Authorization", "Basic YW5uOnUta2V5"}}) {
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
    void startDeletesWhatAStopCutShortAndKeepsTheRest() throws Exception {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir.resolve("data"), JobLimits.DEFAULT, 1 << 20,
                FetchAllowList.NONE, null, null, null, Set.of("*"));
        String job;
        try (Server server = Server.start(config)) {
            server.layers().publish(Path.of("test-data/samples.csv"), "samples", "Samples", "test", "EPSG:32650",
                    false);
            job = server.jobs().run("admin", "interpolate", "{}", (folder, progress, cancellation) ->
                    new JobOutputs(Map.of(), List.of())).id();
        }
        Path upload = Files.createDirectories(dir.resolve("data/uploads/upload123"));
        Files.writeString(upload.resolve("body"), "an upload cut short");
        Path publication = Files.createDirectories(dir.resolve("data/layers/." + UUID.randomUUID() + ".tmp"));
        Files.writeString(publication.resolve("samples.csv"), "a publication cut short");
        Path orphan = Files.createDirectories(dir.resolve("data/jobs/" + UUID.randomUUID()));
        Files.writeString(orphan.resolve("inputs.csv"), "a job folder made just before a crash");
        try (Server server = Server.start(config)) {
            assertFalse(Files.exists(upload));
            assertFalse(Files.exists(publication));
            assertFalse(Files.exists(orphan));
            assertTrue(Files.exists(server.layers().file(server.layers().get("samples").orElseThrow())));
            assertTrue(Files.isDirectory(server.jobs().folder(job)));
        }
    }

    @Test
    void listensOnLoopbackOnlyByDefaultAndWarnsOfNothing() throws Exception {
        ServerConfig config = ServerConfig.defaults(dir.resolve("data")).withPort(0);
        assertEquals("127.0.0.1", config.host());
        List<String> log = new ArrayList<>();
        try (Server server = startLogging(config, log)) {
            assertEquals(URI.create("http://localhost:" + server.port() + "/"), server.localUri());
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/conformance")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            for (InetAddress other : otherAddressesOfThisMachine()) {
                try (Socket s = new Socket()) {
                    assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress(other, server.port()),
                            2000), "reachable on " + other);
                }
            }
            assertFalse(landing(server).has("warning"));
            assertFalse(page(server).contains("server-warning"));
        }
        assertEquals(List.of(), log);
    }

    @Test
    void listeningBeyondLoopbackWithoutCredentialsWarnsInTheLogAndOnTheLandingPage() throws Exception {
        ServerConfig open = ServerConfig.defaults(dir.resolve("data")).withPort(0).withHost("0.0.0.0");
        List<String> log = new ArrayList<>();
        try (Server server = startLogging(open, log)) {
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).contains("listens on 0.0.0.0, beyond this machine, without credentials")
                    && log.get(0).contains("apiKey"), log.get(0));
            assertEquals(log.get(0), landing(server).get("warning").asText());
            assertTrue(page(server).contains("<p class=\"server-warning\" role=\"alert\"><strong>Warning:</strong> "
                    + log.get(0) + "</p>"), page(server));
        }
        ServerConfig keyed = new ServerConfig("0.0.0.0", 0, dir.resolve("data"), JobLimits.DEFAULT, 1 << 20,
                FetchAllowList.NONE, "s3cret", null, null, Set.of("*"));
        assertEquals(Optional.empty(), keyed.openWarning(), "credentials close it");
    }

    private static Server startLogging(ServerConfig config, List<String> log) throws Exception {
        Logger logger = Logger.getLogger(Server.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    log.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            return Server.start(config);
        } finally {
            logger.removeHandler(handler);
        }
    }

    private JsonNode landing(Server server) throws Exception {
        return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(server.localUri().resolve("?f=json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private String page(Server server) throws Exception {
        return http.send(HttpRequest.newBuilder(server.localUri().resolve("?f=html")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** @return this machine's addresses that are not loopback (nor link-local, which need an interface named) */
    private static List<InetAddress> otherAddressesOfThisMachine() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp()) {
                Collections.list(n.getInetAddresses()).stream()
                        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).forEach(others::add);
            }
        }
        return others;
    }

    @Test
    void readsItsSettingsFileAndNamesAnUnknownKey() throws Exception {
        ServerConfig plain = ServerConfig.read(Files.writeString(dir.resolve("plain.properties"), "port = 1\n"));
        assertEquals("127.0.0.1", plain.host());
        assertEquals(List.of(), plain.fetchHosts().entries());
        Path file = Files.writeString(dir.resolve("server.properties"), "port = 9999\ndata = store\nmaxAsync = 3\n"
                + "resultDays = 2\napiKey = k\nhost = 0.0.0.0\nfetchHosts = data.example.org, *.example.com, "
                + "10.1.0.0/16\nechoProcess = true\nusers = ann:a-1, bob : b:2\nregisterFolders = gis, /srv/rasters\n");
        ServerConfig c = ServerConfig.read(file);
        assertEquals("0.0.0.0", c.host());
        assertEquals(List.of("data.example.org", "*.example.com", "10.1.0.0/16"), c.fetchHosts().entries());
        assertEquals(9999, c.port());
        assertEquals(dir.resolve("store").toAbsolutePath(), c.dataDir().toAbsolutePath());
        assertEquals(3, c.limits().maxAsync());
        assertEquals(2, c.limits().resultTtl().toDays());
        assertTrue(c.protectedWrites());
        assertTrue(c.echoProcess());
        assertEquals(List.of(new User("ann", "a-1"), new User("bob", "b:2")), c.users());
        assertEquals(List.of(dir.resolve("gis").toAbsolutePath(), Path.of("/srv/rasters")), c.registerFolders());
        assertEquals(List.of(), plain.users());
        assertEquals(List.of(), plain.registerFolders(), "nothing is registered unless folders are named");
        assertFalse(plain.echoProcess(), "the echo process is off unless set");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "prot = 1\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.geoprospect.core.InvalidInputException.class,
                () -> ServerConfig.read(bad));
        assertTrue(e.getMessage().contains("unknown setting 'prot'"), e.getMessage());
        for (String[] setting : new String[][] {
                {"remoteReferences = true", "remoteReferences is replaced by fetchHosts"},
                {"fetchHosts = 10.0.0.0/40", "fetchHosts: '10.0.0.0/40': the prefix length must be 0 to 32"},
                {"host = <script>", "host '<script>' is not a host name or IP address"},
                {"users = ann", "users: write name:secret"},
                {"users = admin:x", "users: 'admin' is not a user name"},
                {"users = ann:x, ann:y", "users: a name is given twice"}}) {
            Path f = Files.writeString(dir.resolve("bad.properties"), setting[0] + "\n");
            var refused = assertThrows(org.geoprospect.core.InvalidInputException.class, () -> ServerConfig.read(f));
            assertTrue(refused.getMessage().contains(setting[1]), refused.getMessage());
        }
    }
}
