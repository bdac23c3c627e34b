package org.geoprospect.server.features;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.crs.Crs;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.layers.BoundingBoxes;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.server.layers.LayerCatalog;
import org.geoprospect.server.layers.LayerFileCache;
import org.geoprospect.server.layers.LayerKind;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OGC API – Features Part 1 (core, GeoJSON) over the published vector layers: {@code /collections},
 * {@code /collections/{name}}, {@code /collections/{name}/items} (paged by {@code limit} and {@code offset},
 * filtered by a CRS84 {@code bbox} on each feature's envelope) and {@code /collections/{name}/items/{fid}}. Features
 * are served in CRS84 whatever the layer's CRS; a layer's features are read once and kept in a
 * {@link LayerFileCache} (layers do not change once published). Links are absolute, built from the request's host.
 */
public final class FeaturesEndpoints implements Endpoints {
    static final String GEOJSON = "application/geo+json";
    private static final String JSON_TYPE = "application/json";
    private static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory STREAM = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final LayerCatalog catalog;
    private final LayerFileCache<FeatureTable> cache = new LayerFileCache<>(LayerFileCache.defaultBudget(),
            FeatureTable::bytes);

    public FeaturesEndpoints(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/collections", this::collections);
        routes.get("/collections/{name}", ctx -> json(ctx, collection(base(ctx), vectorLayer(ctx))));
        routes.get("/collections/{name}/items", this::items);
        routes.get("/collections/{name}/items/{fid}", this::item);
    }

    private void collections(Context ctx) throws SQLException {
        String base = base(ctx);
        ObjectNode doc = JSON.createObjectNode();
        link(doc.putArray("links"), "self", JSON_TYPE, "the collections", base + "/collections");
        ArrayNode collections = doc.putArray("collections");
        for (Layer layer : catalog.list()) {
            if (layer.kind() == LayerKind.VECTOR) {
                collections.add(collection(base, layer));
            }
        }
        json(ctx, doc);
    }

    private static ObjectNode collection(String base, Layer layer) {
        String self = base + "/collections/" + layer.name();
        ObjectNode c = JSON.createObjectNode();
        c.put("id", layer.name());
        c.put("title", layer.title() == null ? layer.name() : layer.title());
        c.put("description", layer.count() + " features, published from " + layer.source() + "; stored in "
                + layer.crs() + ", served in CRS84");
        double[] bbox84 = BoundingBoxes.crs84(layer);
        if (bbox84 != null) {
            ObjectNode spatial = c.putObject("extent").putObject("spatial");
            ArrayNode box = spatial.putArray("bbox").addArray();
            for (double v : bbox84) {
                box.add(v);
            }
            spatial.put("crs", CRS84_URI);
        }
        c.put("itemType", "feature");
        c.putArray("crs").add(CRS84_URI);
        ArrayNode links = c.putArray("links");
        link(links, "self", JSON_TYPE, "this collection", self);
        link(links, "items", GEOJSON, "its features", self + "/items");
        link(links, "enclosure", null, "the layer's file", base + "/layers/" + layer.name() + "/file");
        return c;
    }

    private void items(Context ctx) throws SQLException, IOException {
        Layer layer = vectorLayer(ctx);
        ItemsQuery q = ItemsQuery.parse(ctx.queryParam("limit"), ctx.queryParam("offset"), ctx.queryParam("bbox"),
                ctx.queryParam("bbox-crs"));
        FeatureTable table = features(layer);
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (q.bbox() == null || table.intersects(i, q.bbox())) {
                matched.add(i);
            }
        }
        int from = (int) Math.min(matched.size(), (long) q.offset());
        int to = (int) Math.min(matched.size(), (long) from + q.limit());
        String items = base(ctx) + "/collections/" + layer.name() + "/items";
        ctx.contentType(GEOJSON);
        try (JsonGenerator json = STREAM.createGenerator(ctx.outputStream())) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeNumberField("numberMatched", matched.size());
            json.writeNumberField("numberReturned", to - from);
            json.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeArrayFieldStart("links");
            streamLink(json, "self", GEOJSON, "this page", items + page(q, q.offset(), ctx));
            if (to < matched.size()) {
                streamLink(json, "next", GEOJSON, "the next page", items + page(q, to, ctx));
            }
            if (q.offset() > 0) {
                int previous = Math.max(0, q.offset() - q.limit());
                streamLink(json, "prev", GEOJSON, "the previous page", items + page(q, previous, ctx));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("features");
            for (int k = from; k < to; k++) {
                json.writeStartObject();
                GeoJsonFeatures.featureMembers(json, table, matched.get(k));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void item(Context ctx) throws SQLException, IOException {
        Layer layer = vectorLayer(ctx);
        String fid = ctx.pathParam("fid");
        FeatureTable table = features(layer);
        int i;
        try {
            i = table.indexOf(Long.parseLong(fid));
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (i < 0) {
            throw new Problem.NotFoundException("collection '" + layer.name() + "' has no feature '" + fid + "'");
        }
        String collection = base(ctx) + "/collections/" + layer.name();
        ctx.contentType(GEOJSON);
        try (JsonGenerator json = STREAM.createGenerator(ctx.outputStream())) {
            json.writeStartObject();
            GeoJsonFeatures.featureMembers(json, table, i);
            json.writeArrayFieldStart("links");
            streamLink(json, "self", GEOJSON, "this feature", collection + "/items/" + fid);
            streamLink(json, "collection", JSON_TYPE, "its collection", collection);
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private FeatureTable features(Layer layer) throws IOException {
        return cache.get(layer, catalog.file(layer), file ->
                file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")
                        ? GeoPackageFeatures.read(file, Crs.parse(layer.crs()))
                        : PointFileFeatures.read(file, layer.crs()));
    }

    /** @throws Problem.NotFoundException unless the name is a published vector layer */
    private Layer vectorLayer(Context ctx) throws SQLException {
        String name = ctx.pathParam("name");
        return catalog.get(name).filter(l -> l.kind() == LayerKind.VECTOR).orElseThrow(() ->
                new Problem.NotFoundException("no collection '" + name + "': collections are the vector layers, "
                        + "listed at /collections"));
    }

    /** The query of the page starting at {@code offset}, keeping the request's filter. */
    private static String page(ItemsQuery q, int offset, Context ctx) {
        StringBuilder s = new StringBuilder("?limit=").append(q.limit()).append("&offset=").append(offset);
        for (String p : new String[] {"bbox", "bbox-crs"}) {
            if (ctx.queryParam(p) != null) {
                s.append('&').append(p).append('=').append(URLEncoder.encode(ctx.queryParam(p),
                        StandardCharsets.UTF_8));
            }
        }
        return s.toString();
    }

    /** http://host:port as the client addressed the server. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    private static void link(ArrayNode links, String rel, String type, String title, String href) {
        ObjectNode l = links.addObject();
        l.put("rel", rel);
        if (type != null) {
            l.put("type", type);
        }
        l.put("title", title);
        l.put("href", href);
    }

    private static void streamLink(JsonGenerator json, String rel, String type, String title, String href)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("rel", rel);
        json.writeStringField("type", type);
        json.writeStringField("title", title);
        json.writeStringField("href", href);
        json.writeEndObject();
    }

    private static void json(Context ctx, ObjectNode doc) {
        ctx.contentType(JSON_TYPE).result(doc.toString());
    }
}
