package org.geoprospect.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web map's static files, read from the class path (so that they travel inside the jar): the page itself at
 * {@code /web/{file}} from {@code web/}, and Leaflet at {@code /webjars/leaflet/1.9.4/dist/{file}} from the webjar
 * {@code org.webjars.npm:leaflet}. Nothing else of the class path is reachable: a path is served only when each of
 * its segments is a plain name (no {@code ..}, no hidden files) and its extension has a known media type, which also
 * keeps folders out. Files carry an ETag; Leaflet's are cached for a year (the version is in the URL), the page's are
 * revalidated on every load (it changes with the server). Thread-safe.
 */
public final class WebEndpoints implements Endpoints {
    /** Where the page finds Leaflet; {@code index.html} names this path. */
    public static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

    private static final Pattern PATH = Pattern.compile(
            "(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.([A-Za-z0-9]+)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");

    /** The class path's files are fixed while the server runs, so each is read and hashed once. */
    private final Map<String, StaticFile> files = new ConcurrentHashMap<>();

    private record StaticFile(byte[] bytes, String type, String etag) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/web/<file>", ctx -> serve(ctx, "web/", "no-cache"));
        routes.get(LEAFLET + "<file>", ctx -> serve(ctx, "META-INF/resources/webjars/leaflet/1.9.4/dist/",
                "public, max-age=31536000, immutable"));
    }

    private void serve(Context ctx, String root, String cacheControl) {
        StaticFile file = find(root, ctx.pathParam("file"))
                .orElseThrow(() -> new Problem.NotFoundException("no file " + ctx.path()));
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(file.type()).result(file.bytes());
    }

    /** @return the file {@code root + path} when the path is a plain one of a served type and the file exists */
    private Optional<StaticFile> find(String root, String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(m.group(1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        String resource = root + path;
        StaticFile cached = files.get(resource);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (InputStream in = WebEndpoints.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty(); // absent names are not cached: requests must not grow the map
            }
            byte[] bytes = in.readAllBytes();
            StaticFile file = new StaticFile(bytes, type, etag(bytes));
            files.put(resource, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
