package org.geoprospect.cli;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.Server;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.testdata.GeneratedSurvey;
import org.geoprospect.testdata.SyntheticSurvey;
import org.geoprospect.worker.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: the embedded OGC server (WPS 1.0.0, OGC API – Processes and Features, the web map) on one port,
 * until Ctrl-C, which stops it gracefully. Settings from a properties file ({@link ServerConfig}), the address,
 * port and store overridable here.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the OGC server (WPS 1.0.0, OGC API - Processes and Features, web map) until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (properties); see docs/admin.md.")
    Path configFile;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1: "
            + "this machine only; 0.0.0.0 for every interface), or the settings file's.")
    String host;

    @Option(names = "--port", paramLabel = "N", description = "Port (default 8080, or the settings file's).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The server's store: jobs, layers, models (default geoprospect-data).")
    Path data;

    @Option(names = "--demo", description = "Publish the demo survey's samples and deposits as layers at start.")
    boolean demo;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        ServerConfig config = configFile != null ? ServerConfig.read(configFile)
                : ServerConfig.defaults(Path.of("geoprospect-data"));
        if (data != null) {
            config = config.withDataDir(data);
        }
        if (host != null) {
            config = config.withHost(host);
        }
        if (port != null) {
            config = config.withPort(port);
        }
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        requireFreePort(config.host(), config.port());
        try (Server server = Server.start(config)) {
            if (demo) {
                publishDemo(server);
            }
            out.println("geoprospect server on " + server.localUri() + " (listening on " + config.host() + "; store "
                    + config.dataDir().toAbsolutePath() + "); WPS at " + server.localUri() + "wps; Ctrl-C stops it");
            // the administrator learns now, not from the first job, what the engine runs on and which networks train
            Thread check = new Thread(() -> SelfCheck.run(server.worker(), 32, line -> err.println("self-check: "
                    + line)), "geoprospect-self-check");
            check.setDaemon(true);
            check.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                err.println("stopping: requests in progress get 30 s, then running jobs are stopped and marked failed");
                stopping.countDown();
                try {
                    closed.await(90, TimeUnit.SECONDS); // the JVM halts when the hooks end: wait for close()
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            stopping.await();
        } finally {
            closed.countDown();
        }
        return Main.OK;
    }

    /**
     * Checked before the store is opened, and because Jetty's own failure to bind comes with Javalin's error log
     * and a stack trace.
     *
     * @throws InvalidInputException on {@code host} when it is not an address of this machine, on {@code port} when
     *                               another program listens there
     */
    private static void requireFreePort(String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new InvalidInputException("host", "host " + host + " is unknown; choose an address of this "
                    + "machine with --host");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
        } catch (IOException e) {
            if (!isOwnAddress(address.getAddress())) {
                throw new InvalidInputException("host", "host " + host + " is not an address of this machine; "
                        + "choose one of its addresses with --host (0.0.0.0 for every interface)");
            }
            throw new InvalidInputException("port", "port " + port + " is already in use; stop what listens there "
                    + "or choose another with --port");
        }
    }

    private static boolean isOwnAddress(InetAddress address) {
        try {
            return address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return true; // the interfaces cannot be listed: the port is the likelier cause
        }
    }

    /** The bundled survey's samples and deposits, as layers demo-samples and demo-deposits (once per store). */
    private void publishDemo(Server server) throws Exception {
        Path folder = Path.of("test-data");
        if (!Files.isRegularFile(folder.resolve(GeneratedSurvey.SAMPLES_FILE))) {
            folder = Files.createTempDirectory("geoprospect-demo");
            SyntheticSurvey.builder().seed(42).build().generate().write(folder);
        }
        for (String[] layer : new String[][] {{"demo-samples", GeneratedSurvey.SAMPLES_FILE, "Demo survey samples"},
                {"demo-deposits", GeneratedSurvey.DEPOSITS_FILE, "Demo survey known deposits"}}) {
            if (server.layers().get(layer[0]).isEmpty()) {
                Layer l = server.layers().publish(folder.resolve(layer[1]), layer[0], layer[2], "demo",
                        SyntheticSurvey.builder().seed(42).build().crs().id(), false);
                err.println("published " + l.name() + " (" + l.count() + " features, " + l.crs() + ")");
            }
        }
    }
}
