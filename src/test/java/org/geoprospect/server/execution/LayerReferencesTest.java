package org.geoprospect.server.execution;

import com.sun.net.httpserver.HttpServer;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.ProcessDescriptions;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetching a referenced URL is bounded as a whole: size while it streams, one deadline for everything. */
class LayerReferencesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private HttpServer remote;
    private LayerCatalog catalog;
    private LayerReferences references;
    private final InputDescription samples = ProcessDescriptions.get("interpolate").input("samples").orElseThrow();

    @BeforeEach
    void start() throws Exception {
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/ok.csv", x -> {
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
        ServerConfig config = new ServerConfig(0, dir, ServerConfig.defaults(dir).limits(), 4L << 20, true, null,
                null, null, java.util.Set.of("*"));
        references = new LayerReferences(catalog, config, HttpClient.newHttpClient(), uri -> false, DEADLINE);
    }

    @AfterEach
    void stop() throws Exception {
        remote.stop(0);
        catalog.close();
    }

    private Path fetch(String path) throws IOException {
        return references.resolve(samples, new InputValue.Reference("http://127.0.0.1:"
                + remote.getAddress().getPort() + path, null), dir.resolve("samples"));
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
