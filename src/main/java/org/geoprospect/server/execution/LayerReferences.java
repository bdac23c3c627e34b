package org.geoprospect.server.execution;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.FileTypes;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputResolver;
import org.geoprospect.process.InputValue;
import org.geoprospect.server.http.ServerConfig;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded server's references: {@code layer:NAME} and this server's own {@code /collections/NAME} or
 * {@code /layers/NAME} URLs are its published layers, read in place; other http(s) URLs are fetched within the
 * upload limit when the settings allow it.
 */
final class LayerReferences implements InputResolver {
    private static final Pattern LOCAL_LAYER = Pattern.compile("/(?:collections|layers)/([^/?#]+)(?:/items)?/?$");

    private final LayerCatalog catalog;
    private final ServerConfig config;
    private final HttpClient http;
    private final Predicate<URI> isLocal;

    /** @param isLocal tells whether a URL points at this server, as the request reached it */
    LayerReferences(LayerCatalog catalog, ServerConfig config, HttpClient http, Predicate<URI> isLocal) {
        this.catalog = catalog;
        this.config = config;
        this.http = http;
        this.isLocal = isLocal;
    }

    @Override
    public Path resolve(InputDescription input, InputValue.Reference ref, Path target) throws IOException {
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
        return fetch(input, uri, ref.mimeType(), target);
    }

    private Path layerFile(InputDescription input, String name) {
        try {
            Layer layer = catalog.get(name).orElseThrow(() -> new InvalidInputException(input.identifier(),
                    "no published layer '" + name + "'"));
            return catalog.file(layer);
        } catch (SQLException e) {
            throw new IllegalStateException("the layer catalog cannot be read: " + e.getMessage(), e);
        }
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
            Path file = Path.of(base + FileTypes.extension(type, uri.getPath(), data));
            Files.write(file, data);
            return file;
        }
    }
}
