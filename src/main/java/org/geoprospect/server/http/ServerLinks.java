package org.geoprospect.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Absolute links to this server's resources as the client reached it: the base URL is the request's (its Host
 * header, or {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} behind a reverse proxy), so that the hrefs in a
 * document work from where the client stands. Every protocol builds its links here.
 */
public final class ServerLinks {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final URI base;
    private final int port;

    private ServerLinks(URI base, int port) {
        this.base = base;
        this.port = port;
    }

    /** @param port the port the server listens on */
    public static ServerLinks of(Context ctx, int port) {
        String scheme = first(ctx.header("X-Forwarded-Proto"), ctx.scheme());
        String host = first(ctx.header("X-Forwarded-Host"), first(ctx.header("Host"), "localhost:" + port));
        return new ServerLinks(URI.create(scheme + "://" + host), port);
    }

    /**
     * Links as a request reached the server earlier, for work done later (a job queued again after a restart).
     *
     * @param base the base URL, as {@link #base()} gave it
     * @param port the port the server listened on then
     */
    public static ServerLinks of(URI base, int port) {
        return new ServerLinks(base, port);
    }

    /** @return the base URL, e.g. {@code http://localhost:8080} */
    public URI base() {
        return base;
    }

    /** @return the port the server listens on */
    public int port() {
        return port;
    }

    private static String first(String header, String fallback) {
        return header == null || header.isBlank() ? fallback : header.split(",")[0].strip();
    }

    /** @param path an absolute path on this server, e.g. {@code /jobs}, or empty for the base URL itself */
    public String href(String path) {
        return base + path;
    }

    /** Adds a link {@code {"rel", "type", "title", "href"}} to a links array. */
    public void add(ArrayNode links, String rel, String type, String title, String path) {
        links.addObject().put("rel", rel).put("type", type).put("title", title).put("href", href(path));
    }

    /** @return whether a URL points at this server: the address the client used, or a loopback one */
    public boolean isLocal(URI uri) {
        if (uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int uriPort = port(uri);
        return host.equalsIgnoreCase(base.getHost()) && uriPort == port(base)
                || LOOPBACK.contains(host) && uriPort == port;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
