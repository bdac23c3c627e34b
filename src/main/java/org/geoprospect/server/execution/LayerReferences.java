package org.geoprospect.server.execution;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.process.FileTypes;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputResolver;
import org.geoprospect.process.InputValue;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.server.layers.LayerCatalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded server's references: {@code layer:NAME} and this server's own {@code /collections/NAME} or
 * {@code /layers/NAME} URLs are its published layers, read in place; other http(s) URLs are fetched when the
 * setting {@code fetchHosts} allows them ({@link org.geoprospect.server.http.FetchAllowList}), checked again at
 * every redirect, within the upload limit (a larger body is cut off as soon as it passes it) and within one
 * deadline for connecting, answering and sending the whole body. Refusals name the input.
 */
final class LayerReferences implements InputResolver {
    private static final Pattern LOCAL_LAYER = Pattern.compile("/(?:collections|layers)/([^/?#]+)(?:/items)?/?$");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final LayerCatalog catalog;
    private final ServerConfig config;
    private final HttpClient http;
    private final Predicate<URI> isLocal;
    private final Duration fetchTimeout;

    /**
     * @param http         a client that does not follow redirects itself: each one is checked here first
     * @param isLocal      tells whether a URL points at this server, as the request reached it
     * @param fetchTimeout the most a fetched URL may take, connecting, answering and sending its whole body
     */
    LayerReferences(LayerCatalog catalog, ServerConfig config, HttpClient http, Predicate<URI> isLocal,
                    Duration fetchTimeout) {
        this.catalog = catalog;
        this.config = config;
        this.http = http;
        this.isLocal = isLocal;
        this.fetchTimeout = fetchTimeout;
    }

    /**
     * Refuses now what {@link #resolve} would refuse about the reference itself (not a URL, another scheme, a URL
     * the server may not fetch), so that the request fails before a job exists.
     *
     * @throws InvalidInputException naming the input and why
     */
    void admit(InputDescription input, InputValue.Reference ref) {
        if (!ref.href().startsWith("layer:")) {
            URI uri = uri(input, ref.href());
            if (ownLayer(uri).isEmpty()) {
                requireFetchable(input, uri);
            }
        }
    }

    @Override
    public Path resolve(InputDescription input, InputValue.Reference ref, Path target) throws IOException {
        if (ref.href().startsWith("layer:")) {
            return layerFile(input, ref.href().substring("layer:".length()));
        }
        URI uri = uri(input, ref.href());
        Optional<String> layer = ownLayer(uri);
        return layer.isPresent() ? layerFile(input, layer.get()) : fetch(input, uri, ref.mimeType(), target);
    }

    private static URI uri(InputDescription input, String href) {
        URI uri;
        try {
            uri = URI.create(href);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(input.identifier(), "reference '" + href + "' is not a URL");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidInputException(input.identifier(), "reference '" + href + "': only http(s) URLs "
                    + "and layer:NAME are accepted");
        }
        return uri;
    }

    /** @return the name of the layer when the URL is one of this server's layer URLs */
    private Optional<String> ownLayer(URI uri) {
        Matcher m = LOCAL_LAYER.matcher(uri.getPath() == null ? "" : uri.getPath());
        return isLocal.test(uri) && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private void requireFetchable(InputDescription input, URI uri) {
        config.fetchHosts().refusal(uri).ifPresent(why -> {
            throw new InvalidInputException(input.identifier(), "the server does not fetch " + uri + ": " + why
                    + ". Publish the data as a layer and reference it as layer:NAME, or send it inline");
        });
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

    private Path fetch(InputDescription input, URI first, String mimeType, Path base) throws IOException {
        long deadline = System.nanoTime() + fetchTimeout.toNanos();
        URI uri = first;
        for (int redirects = 0; ; redirects++) {
            // checked just before each connection: neither a redirect nor a changed DNS answer may lead inside
            requireFetchable(input, uri);
            HttpResponse<byte[]> response = get(input, uri, deadline);
            if (!REDIRECTS.contains(response.statusCode())) {
                if (response.statusCode() != 200) {
                    throw new InvalidInputException(input.identifier(), "fetching " + uri + " gave HTTP "
                            + response.statusCode());
                }
                byte[] data = response.body();
                String type = mimeType != null ? mimeType
                        : response.headers().firstValue("Content-Type").orElse(null);
                Path file = Path.of(base + FileTypes.extension(type, uri.getPath(), data));
                Files.write(file, data);
                return file;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new InvalidInputException(input.identifier(), first + " redirects more than "
                        + MAX_REDIRECTS + " times");
            }
            uri = redirect(input, uri, response);
        }
    }

    private static URI redirect(InputDescription input, URI from, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new InvalidInputException(
                input.identifier(), "fetching " + from + " gave HTTP " + response.statusCode() + " without a "
                        + "Location"));
        URI to;
        try {
            to = uri(input, from.resolve(location).toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(input.identifier(), from + " redirects to '" + location
                    + "', which is not a URL");
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme())) {
            throw new InvalidInputException(input.identifier(), from + " redirects from https to plain http ("
                    + to + ")");
        }
        return to;
    }

    /** One GET within what is left of the deadline, its body cut off past the upload limit. */
    private HttpResponse<byte[]> get(InputDescription input, URI uri, long deadline) throws IOException {
        long limit = config.maxUploadBytes();
        long left = Math.max(1, deadline - System.nanoTime());
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(left)).GET().build(), info -> new CappedBody(limit));
        try {
            // one deadline for connecting, the answer and the whole body: a URL that trickles cannot hold a job
            return sent.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new InvalidInputException(input.identifier(), uri + " did not arrive within "
                    + fetchTimeout.toSeconds() + " s (connecting, answering and sending it all)");
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CappedBody.TooLarge) {
                throw new InvalidInputException(input.identifier(), uri + " is larger than the server's limit of "
                        + (limit >> 20) + " MB");
            }
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new InvalidInputException(input.identifier(), uri + " did not answer within "
                        + fetchTimeout.toSeconds() + " s");
            }
            throw new InvalidInputException(input.identifier(), "cannot fetch " + uri + ": " + e.getCause(), e);
        }
    }

    /** A body kept in memory up to a limit: one byte more cancels the transfer. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        /** The body went past the limit. */
        static final class TooLarge extends IOException {
            TooLarge() {
                super("over the limit");
            }
        }

        private final long limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
