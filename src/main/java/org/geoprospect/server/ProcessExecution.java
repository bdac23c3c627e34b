package org.geoprospect.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessContext;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessInputs;
import org.geoprospect.process.ProcessResult;
import org.geoprospect.process.ProcessRunner;
import org.geoprospect.server.jobs.JobManager;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.server.layers.LayerCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request's inputs into a job's work, the same for every protocol: complex inputs become files in the
 * job's folder (inline data written, published layers looked up, URLs fetched within the size limit), the
 * runner runs it (the native processes in the server's worker, on the server's model store), the process writes its outputs into the job's {@code outputs/} folder, and outputs
 * that are layers (GeoTIFF rasters, GeoPackage feature layers) are published under new, unique names. The work
 * returns the outputs as JSON: {@code {"id": {"value": …}}} for a literal,
 * {@code {"file": "outputs/…", "mimeType": …, "layer": …}} for a file.
 */
public final class ProcessExecution {
    private static final Pattern LOCAL_LAYER = Pattern.compile("/(?:collections|layers)/([^/?#]+)(?:/items)?/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LayerCatalog catalog;
    private final ServerConfig config;
    private final ProcessRunner runner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @param runner runs the processes: those using native code in the server's worker, with its model library */
    public ProcessExecution(LayerCatalog catalog, ServerConfig config, ProcessRunner runner) {
        this.catalog = catalog;
        this.config = config;
        this.runner = runner;
    }

    /**
     * Checks the inputs against the description now, so that a bad request fails before a job exists, and returns
     * the job's work.
     *
     * @param isLocal tells whether a URL points at this server (its layers are then read directly)
     * @throws InvalidInputException naming an unknown input, a missing one or a wrong literal
     */
    public JobManager.Work work(GeoProcess process, Map<String, List<InputValue>> inputs, Predicate<URI> isLocal) {
        ProcessDescription d = process.description();
        Map<String, List<String>> probe = new LinkedHashMap<>();
        inputs.forEach((id, values) -> probe.put(id, values.stream().map(v -> v instanceof InputValue.Literal l
                ? l.value() : "file").toList()));
        ProcessInputs.of(d, probe); // fails fast on unknown, missing and ill-typed literal inputs
        return (folder, progress, cancellation) -> run(process, inputs, isLocal, folder, progress, cancellation);
    }

    private String run(GeoProcess process, Map<String, List<InputValue>> inputs, Predicate<URI> isLocal, Path folder,
                       ProgressListener progress, Cancellation cancellation) throws IOException, SQLException {
        ProcessDescription d = process.description();
        Path in = Files.createDirectories(folder.resolve("inputs"));
        Path out = Files.createDirectories(folder.resolve("outputs"));
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (Map.Entry<String, List<InputValue>> e : inputs.entrySet()) {
            InputDescription input = d.input(e.getKey()).orElseThrow();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                values.add(materialise(input, e.getValue().get(i), i, in, isLocal));
            }
            raw.put(e.getKey(), values);
        }
        ProcessResult result = runner.run(process, ProcessInputs.of(d, raw), new ProcessContext(progress, cancellation,
                id -> d.output(id).map(o -> o.fileName() == null ? null : out.resolve(o.fileName())).orElse(null)));
        String jobId = folder.getFileName().toString();
        ObjectNode outputs = JSON.createObjectNode();
        for (Map.Entry<String, Object> e : result.outputs().entrySet()) {
            OutputDescription o = d.output(e.getKey()).orElseThrow();
            ObjectNode node = outputs.putObject(e.getKey());
            if (e.getValue() instanceof Path file) {
                Path inJob = file.startsWith(out) ? file : Files.copy(file, out.resolve(file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING); // e.g. a manifest kept in the model store
                node.put("file", folder.relativize(inJob).toString());
                node.put("mimeType", o.formats().isEmpty() ? "application/octet-stream"
                        : o.formats().get(0).mimeType());
                if (isLayer(inJob)) {
                    Layer layer = catalog.publish(inJob, d.identifier() + "-" + jobId.substring(0, 8) + "-"
                            + e.getKey(), o.title() + " (" + d.identifier() + " job " + jobId + ")",
                            "job " + jobId + " output " + e.getKey(), null, true);
                    node.put("layer", layer.name());
                }
            } else {
                node.put("value", String.valueOf(e.getValue()));
            }
        }
        if (!result.warnings().isEmpty()) {
            result.warnings().forEach(outputs.putArray("_warnings")::add);
        }
        return JSON.writeValueAsString(outputs);
    }

    private static boolean isLayer(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tif") || name.endsWith(".gpkg");
    }

    /** @return the literal, or the path of the file holding the complex value */
    private String materialise(InputDescription input, InputValue value, int index, Path folder,
                               Predicate<URI> isLocal) throws IOException, SQLException {
        if (value instanceof InputValue.Literal l) {
            if (input.isComplex()) {
                return layerFile(input, l.value()); // a complex input given as a plain layer name
            }
            return l.value();
        }
        if (!input.isComplex()) {
            throw new InvalidInputException(input.identifier(), "input '" + input.identifier()
                    + "' is a literal; give its value, not data or a reference");
        }
        String base = input.identifier() + (index == 0 ? "" : "-" + index);
        if (value instanceof InputValue.Inline inline) {
            Path file = folder.resolve(base + extension(inline.mimeType(), null, inline.data()));
            Files.write(file, inline.data());
            return file.toString();
        }
        InputValue.Reference ref = (InputValue.Reference) value;
        if (ref.href().startsWith("layer:")) {
            return layerFile(input, ref.href().substring("layer:".length()));
        }
        URI uri;
        try {
            uri = URI.create(ref.href());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(input.identifier(), "reference '" + ref.href() + "' is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidInputException(input.identifier(), "reference '" + ref.href() + "': only http(s) URLs "
                    + "and layer:NAME are accepted");
        }
        Matcher m = LOCAL_LAYER.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (isLocal.test(uri) && m.find()) {
            return layerFile(input, m.group(1));
        }
        if (!config.remoteReferences()) {
            throw new InvalidInputException(input.identifier(), "this server does not fetch other servers' URLs; "
                    + "publish the data as a layer and reference it as layer:NAME");
        }
        return fetch(input, uri, ref.mimeType(), folder.resolve(base)).toString();
    }

    private String layerFile(InputDescription input, String name) throws SQLException {
        Layer layer = catalog.get(name).orElseThrow(() -> new InvalidInputException(input.identifier(),
                "no published layer '" + name + "'"));
        return catalog.file(layer).toString();
    }

    private Path fetch(InputDescription input, URI uri, String mimeType, Path base) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new InvalidInputException(input.identifier(), "fetching " + uri + " gave HTTP "
                        + response.statusCode());
            }
            byte[] data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxUploadBytes() + 1));
            if (data.length > config.maxUploadBytes()) {
                throw new InvalidInputException(input.identifier(), uri + " is larger than the server's limit of "
                        + (config.maxUploadBytes() >> 20) + " MB");
            }
            String type = mimeType != null ? mimeType
                    : response.headers().firstValue("Content-Type").orElse(null);
            Path file = Path.of(base + extension(type, uri.getPath(), data));
            Files.write(file, data);
            return file;
        }
    }

    /**
     * The extension the readers recognise, from the media type, else the URL's (or file name's), else the content's
     * magic; also what names an uploaded layer's file.
     *
     * @param path the URL's path or a file name, or null
     * @param data the content, or at least its first 64 bytes
     */
    public static String extension(String mimeType, String path, byte[] data) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        if (type.contains("tiff")) {
            return ".tif";
        }
        if (type.contains("geopackage") || type.contains("sqlite")) {
            return ".gpkg";
        }
        if (type.contains("zip") || type.contains("shapefile")) {
            return ".zip";
        }
        if (type.contains("json")) {
            return ".geojson";
        }
        if (type.contains("csv") || type.contains("tab-separated")) {
            return type.contains("tab") ? ".tsv" : ".csv";
        }
        if (path != null) {
            Matcher m = Pattern.compile("\\.(tif|tiff|gpkg|zip|geojson|json|csv|tsv|txt)$",
                    Pattern.CASE_INSENSITIVE).matcher(path);
            if (m.find()) {
                return "." + m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        if (data.length >= 4 && ((data[0] == 'I' && data[1] == 'I') || (data[0] == 'M' && data[1] == 'M'))) {
            return ".tif";
        }
        if (data.length >= 16 && new String(data, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("SQLite format 3")) {
            return ".gpkg";
        }
        if (data.length >= 2 && data[0] == 'P' && data[1] == 'K') {
            return ".zip";
        }
        String start = new String(data, 0, Math.min(data.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading();
        return start.startsWith("{") ? ".geojson" : ".csv";
    }
}
