package org.geoprospect.server.ogcapi;

import org.geoprospect.server.http.ServerLinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.server.execution.ProcessService;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources OGC API – Common puts at the root, for the whole server: the landing page {@code /} with links to
 * everything else — as JSON for API clients, or the web page ({@code /web/index.html} on the class path) for
 * browsers, which name {@code text/html} in their Accept header — the conformance declaration
 * {@code /conformance}, and the OpenAPI definition {@code /api}.
 */
public final class LandingEndpoints implements Endpoints {
    /** OGC API – Processes 1.0 here; OGC API – Features core and GeoJSON at /collections. */
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    private static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";

    /** Where index.html takes the server's warning. */
    private static final Pattern WARNING_SLOT = Pattern.compile("<!-- server warning:[^>]*-->");

    private final ProcessService server;
    private final ServerConfig config;
    /** Shown to every visitor: a server open to anyone should say so to those who could fix it, and to its users. */
    private final Optional<String> warning;
    private final byte[] page;

    public LandingEndpoints(ProcessService server, ServerConfig config) {
        this.server = server;
        this.config = config;
        this.warning = config.openWarning();
        try (InputStream in = LandingEndpoints.class.getResourceAsStream("/web/index.html")) {
            this.page = in == null ? null : withWarning(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web page /web/index.html: " + e.getMessage(), e);
        }
    }

    /** The warning holds no markup: the host it names is a plain host name or address ({@link ServerConfig}). */
    private byte[] withWarning(String html) {
        String banner = warning.map(w -> "<p class=\"server-warning\" role=\"alert\"><strong>Warning:</strong> "
                + w + "</p>").orElse("");
        return WARNING_SLOT.matcher(html).replaceFirst(Matcher.quoteReplacement(banner))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::landing);
        routes.get("/conformance", ctx -> {
            ObjectNode c = Json.MAPPER.createObjectNode();
            CONFORMANCE.forEach(c.putArray("conformsTo")::add);
            Json.send(ctx, c);
        });
        routes.get("/api", ctx -> Json.send(ctx, 200, OPENAPI_JSON, OpenApiDocument.of(server.processes(),
                config, links(ctx))));
    }

    private void landing(Context ctx) {
        if (page != null && wantsHtml(ctx)) {
            ctx.contentType("text/html; charset=utf-8").result(page);
            return;
        }
        ServerLinks links = links(ctx);
        ObjectNode landing = Json.MAPPER.createObjectNode();
        landing.put("title", "geoprospect");
        landing.put("description", "Mineral-exploration targets from stream-sediment geochemistry with a "
                + "convolutional neural network: the processes (OGC API – Processes, WPS 1.0.0), their jobs, and the "
                + "published layers (OGC API – Features, GeoTIFF, map images).");
        warning.ifPresent(w -> landing.put("warning", w));
        ArrayNode l = landing.putArray("links");
        links.add(l, "self", "application/json", "this document", "/?f=json");
        if (page != null) {
            links.add(l, "alternate", "text/html", "the web map", "/?f=html");
        }
        links.add(l, "service-desc", OPENAPI_JSON, "the API definition (OpenAPI 3.0)", "/api");
        links.add(l, "http://www.opengis.net/def/rel/ogc/1.0/conformance", "application/json",
                "the conformance classes", "/conformance");
        links.add(l, "conformance", "application/json", "the conformance classes", "/conformance");
        links.add(l, "http://www.opengis.net/def/rel/ogc/1.0/processes", "application/json", "the processes",
                "/processes");
        links.add(l, StatusInfo.JOB_LIST_REL, "application/json", "the jobs", "/jobs");
        links.add(l, "data", "application/json", "the feature collections (vector layers)", "/collections");
        links.add(l, "service", "application/xml", "WPS 1.0.0 capabilities",
                "/wps?service=WPS&request=GetCapabilities");
        Json.send(ctx, landing);
    }

    /** HTML for {@code ?f=html}, or an Accept header that ranks text/html above JSON (a browser's). */
    private static boolean wantsHtml(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null) {
            return f.equalsIgnoreCase("html");
        }
        String accept = ctx.header("Accept");
        return accept != null && quality(accept, "text/html") > quality(accept, "application/json");
    }

    /** @return the quality an Accept header gives a media type named in it, 0 when it is not named */
    private static double quality(String accept, String mediaType) {
        double best = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().toLowerCase(Locale.ROOT).equals(mediaType)) {
                double q = 1;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0; // an unreadable quality ranks last
                        }
                    }
                }
                best = Math.max(best, q);
            }
        }
        return best;
    }

    private ServerLinks links(Context ctx) {
        return ServerLinks.of(ctx, server.port().getAsInt());
    }
}
