package org.geoprospect.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.geoprospect.core.Folders;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.ProcessRegistry;
import org.geoprospect.server.execution.EchoProcess;
import org.geoprospect.server.execution.ProcessExecution;
import org.geoprospect.server.execution.ProcessService;
import org.geoprospect.server.features.FeaturesEndpoints;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.jobs.Job;
import org.geoprospect.server.jobs.JobManager;
import org.geoprospect.server.jobs.JobStore;
import org.geoprospect.server.layers.LayerCatalog;
import org.geoprospect.server.layers.LayersEndpoints;
import org.geoprospect.server.layers.MapEndpoints;
import org.geoprospect.server.layers.RasterMaps;
import org.geoprospect.server.ogcapi.JobsEndpoints;
import org.geoprospect.server.ogcapi.LandingEndpoints;
import org.geoprospect.server.ogcapi.ProcessesEndpoints;
import org.geoprospect.server.web.WebEndpoints;
import org.geoprospect.server.wms.WmsEndpoints;
import org.geoprospect.server.wps.WpsEndpoints;
import org.geoprospect.worker.NativeWorker;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The embedded OGC server on one port: its store on disk ({@code DATA/server.db} for jobs and the layer catalog,
 * {@code DATA/jobs/}, {@code DATA/layers/}, {@code DATA/models/} — the model store every request shares, with the
 * one in-process model cache), the process registry, and the routes of each protocol ({@link Endpoints}). CORS
 * and gzip are on; it listens on the configured address (loopback by default) and logs a warning when it is open
 * beyond it without credentials; request bodies are limited; writes may be protected ({@link WriteGuard}); close()
 * stops accepting requests, lets running ones finish for a while, and marks jobs it had to stop as failed, while jobs
 * still waiting are queued again at the next start.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Server.class.getName());
    /** How far over the upload limit a refused body is still read, so that the client sees the 413. */
    private static final long DRAINED_BYTES = 64L << 20;

    private final ServerConfig config;
    private final ProcessRegistry processes;
    private final JobStore jobStore;
    private final JobManager jobs;
    private final LayerCatalog layers;
    /** Map images of raster layers, with their cache, for both /layers/{name}/map and WMS. */
    private final RasterMaps maps;
    private final ProcessExecution execution;
    /** Runs trainModel and predictTargets in a child JVM that owns the engine and the model cache. */
    private final NativeWorker worker;
    private Javalin app;

    private Server(ServerConfig config) throws IOException, SQLException {
        this.config = config;
        Path data = Files.createDirectories(config.dataDir());
        // uploads that were being received when the server last stopped: cut short, and nothing writes them now
        Folders.deleteRecursively(data.resolve(LayersEndpoints.UPLOADS));
        this.processes = ProcessRegistry.standard();
        this.jobStore = new JobStore(data.resolve("server.db"));
        this.jobs = new JobManager(jobStore, data.resolve("jobs"), config.limits(), Clock.systemUTC());
        this.layers = new LayerCatalog(data.resolve("layers"), data.resolve("server.db"), Clock.systemUTC());
        this.maps = new RasterMaps(layers);
        Path modelStore = Files.createDirectories(data.resolve("models"));
        this.worker = NativeWorker.builder(data.resolve("worker"), modelStore).build();
        this.execution = new ProcessExecution(layers, config, worker);
    }

    /** Opens the store and starts listening. */
    public static Server start(ServerConfig config) throws IOException, SQLException {
        Server server = new Server(config);
        try {
            server.listen();
            // once the port is open: a start that fails leaves the jobs that waited waiting
            server.jobs.requeue(server::resume);
        } catch (RuntimeException e) { // the port in use, most often: the store must not stay open
            server.close();
            throw e;
        }
        return server;
    }

    /** The work of a job that was waiting when the server last stopped. */
    private JobManager.Work resume(Job job, Path folder) throws IOException {
        GeoProcess process = processes.get(job.processId()).orElseThrow(() -> new IllegalStateException(
                "there is no process '" + job.processId() + "' any more"));
        return execution.resume(process, folder);
    }

    private void listen() {
        app = Javalin.create(c -> {
            c.http.maxRequestSize = config.maxUploadBytes();
            c.http.compressionStrategy = CompressionStrategy.GZIP;
            c.router.treatMultipleSlashesAsSingleSlash = true; // //processes as /processes, as clients joining URLs send
            c.startup.showJavalinBanner = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jetty.modifyServer(jetty -> {
                jetty.setStopTimeout(30_000);
                jetty.setErrorHandler(new ProtocolErrorHandler());
            });
            c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (config.corsOrigins().contains("*")) {
                    rule.anyHost();
                } else {
                    List<String> origins = List.copyOf(config.corsOrigins());
                    rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                }
                rule.exposeHeader("Location");
            }));
            WriteGuard guard = new WriteGuard(config);
            c.routes.before(guard::check);
            // refused before it is parsed: Javalin's own limit (ctx.body()) reads up to it, then drops the connection
            // with the rest unread, and a client still sending may lose the 413 in the race. A body up to
            // DRAINED_BYTES over the limit is read and discarded first, so the client always gets the answer;
            // beyond that, reading it would cost more than a lost answer
            c.routes.before(ctx -> {
                long length = ctx.req().getContentLengthLong();
                if (length > config.maxUploadBytes()) {
                    if (length - config.maxUploadBytes() <= DRAINED_BYTES) {
                        ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
                    }
                    throw new ContentTooLargeResponse();
                }
            });
            // errors outside the protocols' own handlers (the write guard's 401, Javalin's own 413 from ctx.body()
            // over maxRequestSize, which it would answer in plain text): each path in its protocol's error format;
            // Jetty's own (a bad URI, headers too large) go to the ProtocolErrorHandler
            c.routes.exception(Exception.class, Server::answer);
            c.routes.exception(HttpResponseException.class, Server::answer);
            for (Endpoints e : endpoints()) {
                e.register(c.routes);
            }
        }).start();
        config.openWarning().ifPresent(warning -> LOG.warning(warning));
        // a synchronous execution may keep a connection silent for as long as it is allowed to run
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector sc) {
                sc.setIdleTimeout(config.limits().maxSyncTime().toMillis() + 60_000);
            }
        }
    }

    private static void answer(Exception e, Context ctx) {
        if (isWps(ctx.path())) {
            WpsEndpoints.answer(ctx, e);
        } else {
            Problem.respond(ctx, e);
        }
    }

    /** Whether errors on this path are answered as WPS ExceptionReports (null: no path could be read). */
    static boolean isWps(String path) {
        return path != null && path.startsWith("/wps");
    }

    /** The route families, one per protocol or resource. */
    private List<Endpoints> endpoints() {
        ProcessService service = new ProcessService(processes, execution, jobs, this::port);
        ProcessService ogcApi = new ProcessService(ogcApiProcesses(), execution, jobs, this::port);
        return List.of(new LandingEndpoints(ogcApi, config), new ProcessesEndpoints(ogcApi),
                new JobsEndpoints(ogcApi), new LayersEndpoints(layers, config), new MapEndpoints(maps),
                new FeaturesEndpoints(layers), new WpsEndpoints(service), new WmsEndpoints(maps, this::port),
                new WebEndpoints());
    }

    /**
     * What OGC API – Processes offers: the processes, and with the setting echoProcess the echo process its
     * conformance suite runs the job tests with (WPS's suite needs none, and WPS keeps to the processes).
     */
    private ProcessRegistry ogcApiProcesses() {
        if (!config.echoProcess()) {
            return processes;
        }
        ProcessRegistry withEcho = ProcessRegistry.standard();
        withEcho.register(new EchoProcess());
        return withEcho;
    }

    public ServerConfig config() {
        return config;
    }

    public ProcessRegistry processes() {
        return processes;
    }

    public JobManager jobs() {
        return jobs;
    }

    public LayerCatalog layers() {
        return layers;
    }

    /** The native worker that runs the processes using native code, with the model cache they share. */
    public NativeWorker worker() {
        return worker;
    }

    /** @return the port it listens on (the one chosen when the settings said 0) */
    public int port() {
        return app.port();
    }

    /** @return http://localhost:PORT/ when it listens on every interface or on loopback, else its own address */
    public URI localUri() {
        String host = config.host();
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress() || address.equals(InetAddress.getLoopbackAddress())) {
                host = "localhost";
            } else if (address instanceof Inet6Address && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
        } catch (UnknownHostException e) {
            // it listens there all the same: the name as configured is the best guess
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public void close() throws SQLException {
        if (app != null) {
            app.stop();
        }
        jobs.close();
        worker.close();
        layers.close();
        jobStore.close();
    }
}
