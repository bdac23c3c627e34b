package org.geoprospect.server.execution;

import com.sun.net.httpserver.HttpServer;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.ProcessDescriptions;
import org.geoprospect.server.http.FetchAllowList;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.layers.LayerCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fetching a referenced URL happens only for hosts on the allow-list, checked again at every redirect, and is bounded
 * as a whole: size while it streams, one deadline for everything. The remote server here is on 127.0.0.1, which
 * the list names explicitly.
 */
class LayerReferencesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private HttpServer remote;
    private LayerCatalog catalog;
    private LayerReferences references;
    private final AtomicInteger requests = new AtomicInteger();
    private final InputDescription samples = ProcessDescriptions.get("interpolate").input("samples").orElseThrow();

    @BeforeEach
    void start() throws Exception {
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/moved", x -> {
            String query = x.getRequestURI().getQuery();
            x.getResponseHeaders().add("Location", query.substring("to=".length()));
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        remote.createContext("/ok.csv", x -> {
            requests.incrementAndGet();
            byte[] body = "x,y,Cu\n1,2,3\n".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        remote.createContext("/trickle.csv", x -> {
            x.sendResponseHeaders(200, 0); // chunked: a byte a second, for ever
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 60; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away, as it should
            }
        });
        remote.createContext("/silent.csv", x -> {
            try {
                Thread.sleep(60_000); // headers never come
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        remote.createContext("/big.csv", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                byte[] mb = new byte[1 << 20];
                for (int i = 0; i < 100; i++) {
                    out.write(mb);
                }
            } catch (IOException e) {
                // cut off by the client past its limit
            }
        });
        remote.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        remote.start();
        catalog = new LayerCatalog(dir.resolve("layers"), dir.resolve("server.db"), Clock.systemUTC());
        references = references("127.0.0.1");
    }

    private LayerReferences references(String... fetchHosts) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, ServerConfig.defaults(dir).limits(), 4L << 20,
                FetchAllowList.of(List.of(fetchHosts)), null, null, null, Set.of("*"));
        return new LayerReferences(catalog, config, HttpClient.newHttpClient(), uri -> false, DEADLINE);
    }

    @AfterEach
    void stop() throws Exception {
        remote.stop(0);
        catalog.close();
    }

    private Path fetch(String path) throws IOException {
        return fetch(references, path);
    }

    private Path fetch(LayerReferences by, String path) throws IOException {
        return by.resolve(samples, new InputValue.Reference(url(path), null), dir.resolve("samples"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + remote.getAddress().getPort() + path;
    }

    @Test
    void nothingIsFetchedWithoutAnAllowList() {
        LayerReferences byDefault = references();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> fetch(byDefault, "/ok.csv"));
        assertEquals("samples", e.input());
        assertTrue(e.getMessage().contains("fetchHosts is empty") && e.getMessage().contains("layer:NAME"),
                e.getMessage());
        InvalidInputException early = assertThrows(InvalidInputException.class, () -> byDefault.admit(samples,
                new InputValue.Reference(url("/ok.csv"), null)));
        assertEquals(e.getMessage(), early.getMessage(), "refused before a job as when it runs");
        assertEquals(0, requests.get(), "no request reached the remote server");
    }

    @Test
    void aLoopbackAddressIsFetchedOnlyWhenListedAsAnAddress() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> fetch(references("*"), "/ok.csv"));
        assertTrue(e.getMessage().contains("127.0.0.1 is a loopback address"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void everyRedirectIsCheckedBeforeItIsFollowed() throws Exception {
        LayerReferences anyPublicHost = references("*", "127.0.0.1");
        Path moved = fetch(anyPublicHost, "/moved?to=/ok.csv");
        assertArrayEquals("x,y,Cu\n1,2,3\n".getBytes(), Files.readAllBytes(moved));
        for (String inside : List.of("http://169.254.169.254/latest/meta-data/", "http://[::1]:"
                + remote.getAddress().getPort() + "/ok.csv", "http://10.0.0.1/x.csv")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> fetch(anyPublicHost, "/moved?to=" + inside));
            assertTrue(e.getMessage().contains("does not fetch " + inside) && e.getMessage().contains(" address"),
                    e.getMessage());
        }
        InvalidInputException off = assertThrows(InvalidInputException.class,
                () -> fetch("/moved?to=http://93.184.216.34/x.csv"));
        assertTrue(off.getMessage().contains("host 93.184.216.34 is not on"), off.getMessage());
    }

    @Test
    void aWholeBodyWithinTheBoundsArrives() throws Exception {
        Path file = fetch("/ok.csv");
        assertTrue(file.toString().endsWith(".csv"));
        assertArrayEquals("x,y,Cu\n1,2,3\n".getBytes(), Files.readAllBytes(file));
    }

    @Test
    void aTricklingOrSilentUrlFailsAtTheDeadlineNamingTheInput() {
        for (String path : new String[] {"/trickle.csv", "/silent.csv"}) {
            long start = System.nanoTime();
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> fetch(path));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < DEADLINE.toSeconds() + 3, path + " held the job " + seconds + " s");
            assertTrue(e.getMessage().contains("did not") && e.getMessage().contains("within 2 s"), e.getMessage());
            assertTrue("samples".equals(e.input()), e.input());
        }
    }

    @Test
    void aBodyPastTheLimitIsCutOffWhileItStreams() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> fetch("/big.csv"));
        assertTrue(e.getMessage().contains("larger than the server's limit of 4 MB"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("samples.csv")), "nothing written");
    }

    @Test
    void anUnknownLayerIsTheInputsError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> references.resolve(samples,
                new InputValue.Reference("layer:nowhere", null), dir.resolve("x")));
        assertTrue(e.getMessage().contains("no published layer 'nowhere'"), e.getMessage());
        assertTrue("samples".equals(e.input()), e.input());
    }
}
