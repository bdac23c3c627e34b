package org.geoprospect.server.layers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A layer as the {@code /layers} resources describe it: name, kind, title, CRS, extent in its CRS ({@code bbox})
 * and in CRS84 ({@code bbox84}, null when its CRS cannot be transformed), count, provenance, creation time, and links to its features (vector) or map
 * (raster) and to its file. Hrefs are relative to the server's root.
 */
final class LayerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerJson() {
    }

    static ObjectNode of(Layer layer) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", layer.name());
        o.put("kind", layer.kind().code());
        o.put("title", layer.title());
        o.put("crs", layer.crs());
        numbers(o.putArray("bbox"), layer.bbox());
        double[] bbox84 = BoundingBoxes.crs84(layer);
        if (bbox84 == null) {
            o.putNull("bbox84");
        } else {
            numbers(o.putArray("bbox84"), bbox84);
        }
        o.put("count", layer.count());
        o.put("source", layer.source());
        o.put("created", layer.created().toString());
        ArrayNode links = o.putArray("links");
        if (layer.kind() == LayerKind.VECTOR) {
            link(links, "items", "application/geo+json", "/collections/" + layer.name() + "/items");
        } else {
            link(links, "map", "image/png", "/layers/" + layer.name() + "/map");
        }
        link(links, "enclosure", LayerFiles.mediaType(layer.file()), "/layers/" + layer.name() + "/file");
        return o;
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }

    private static void link(ArrayNode links, String rel, String type, String href) {
        ObjectNode l = links.addObject();
        l.put("rel", rel);
        l.put("type", type);
        l.put("href", href);
    }
}
