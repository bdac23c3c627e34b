package org.geoprospect.server.execution;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessExecutor;
import org.geoprospect.process.ProcessResult;
import org.geoprospect.process.ProcessRunner;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.http.ServerLinks;
import org.geoprospect.server.jobs.JobManager;
import org.geoprospect.server.jobs.JobOutputs;
import org.geoprospect.server.layers.LayerCatalog;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's side of running a process, the same for every protocol: the process runs through the
 * {@link ProcessExecutor} every host uses (inputs checked before a job exists, then materialised in the job's
 * folder; references resolved by {@link LayerReferences}; the native processes run in the server's worker), and
 * outputs that are layers (GeoTIFF rasters, GeoPackage feature layers) are published under new, unique names. The
 * work returns the typed {@link JobOutputs} that the job store keeps and every protocol renders.
 */
public final class ProcessExecution {
    /** The most a referenced URL may take to arrive whole. */
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(2);

    private final LayerCatalog catalog;
    private final ServerConfig config;
    private final ProcessExecutor executor;
    /** Follows no redirects: {@link LayerReferences} checks each one against the allow-list first. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    /** @param runner runs the processes: those using native code in the server's worker, with its model library */
    public ProcessExecution(LayerCatalog catalog, ServerConfig config, ProcessRunner runner) {
        this.catalog = catalog;
        this.config = config;
        this.executor = new ProcessExecutor(runner, null); // the worker holds the model library
    }

    /**
     * Checks the inputs against the description now, so that a bad request fails before a job exists, and returns
     * the job's work, which can keep its request in the job's folder while it waits ({@link #resume}).
     *
     * @param links the server as the request reached it: its own URLs are read as its layers
     * @throws InvalidInputException naming an unknown input, a missing one, a wrong literal, or a reference to a
     *                               URL the server does not fetch
     */
    public JobManager.Work work(GeoProcess process, Map<String, List<InputValue>> inputs, ServerLinks links) {
        LayerReferences references = new LayerReferences(catalog, config, http, links::isLocal, FETCH_TIMEOUT);
        ProcessExecutor.Prepared prepared = executor.prepare(process, inputs, references);
        inputs.forEach((id, values) -> values.stream().filter(InputValue.Reference.class::isInstance)
                .forEach(v -> references.admit(process.description().input(id).orElseThrow(),
                        (InputValue.Reference) v)));
        return new JobManager.Work() {
            @Override
            public JobOutputs run(Path folder, ProgressListener progress, Cancellation cancellation)
                    throws IOException, SQLException {
                KeptRequest.delete(folder);
                return publish(process.description(), folder, prepared.run(folder, progress, cancellation));
            }

            @Override
            public void keep(Path folder) throws IOException {
                KeptRequest.write(folder, inputs, links);
            }
        };
    }

    /**
     * The work of a job that was waiting when the server stopped, from the request it kept.
     *
     * @throws IOException           when the job kept no request, or it cannot be read
     * @throws InvalidInputException when its inputs no longer pass the checks
     */
    public JobManager.Work resume(GeoProcess process, Path folder) throws IOException {
        KeptRequest.Request kept = KeptRequest.read(folder);
        return work(process, kept.inputs(), kept.links());
    }

    private JobOutputs publish(ProcessDescription d, Path folder, ProcessResult result) throws IOException,
            SQLException {
        Path out = folder.resolve("outputs");
        String jobId = folder.getFileName().toString();
        Map<String, JobOutputs.Output> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : result.outputs().entrySet()) {
            OutputDescription o = d.output(e.getKey()).orElseThrow();
            if (!(e.getValue() instanceof Path file)) {
                outputs.put(e.getKey(), JobOutputs.Output.literal(String.valueOf(e.getValue())));
                continue;
            }
            Path inJob = file.startsWith(out) ? file : Files.copy(file, out.resolve(file.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING); // e.g. a manifest kept in the model store
            String layer = null;
            if (isLayer(inJob)) {
                layer = catalog.publish(inJob, d.identifier() + "-" + jobId.substring(0, 8) + "-" + e.getKey(),
                        o.title() + " (" + d.identifier() + " job " + jobId + ")", "job " + jobId + " output "
                                + e.getKey(), null, true).name();
            }
            outputs.put(e.getKey(), new JobOutputs.Output(null, folder.relativize(inJob).toString(),
                    o.formats().isEmpty() ? "application/octet-stream" : o.formats().get(0).mimeType(), layer));
        }
        return new JobOutputs(outputs, result.warnings());
    }

    private static boolean isLayer(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tif") || name.endsWith(".gpkg");
    }
}
