package org.geoprospect.server.wms;

import org.geoprospect.server.http.OwsException;
import org.geoprospect.server.layers.MapRequest;

import java.util.Locale;

/**
 * A WMS 1.3.0 GetMap request (7.3.2): LAYERS, STYLES, CRS, BBOX, WIDTH, HEIGHT, FORMAT (image/png), TRANSPARENT,
 * BGCOLOR. One layer is drawn per image: when LAYERS names several, the first is drawn and the rest are ignored
 * (the capabilities say LayerLimit 1). The only style is {@code default} (an empty STYLES means it too).
 *
 * @param layer       the layer's name
 * @param map         what to draw, the BBOX already in x,y order
 * @param transparent whether pixels off the raster and over no data stay transparent, or take {@code background}
 * @param background  the RGB colour of those pixels when not transparent (BGCOLOR, white by default)
 */
record GetMapRequest(String layer, MapRequest map, boolean transparent, int background) {
    static final String PNG = "image/png";

    /** @throws OwsException with the standard's code for a missing or unsupported parameter */
    static GetMapRequest parse(WmsParameters p) {
        String layer = p.required("LAYERS").split(",")[0].strip();
        String styles = p.optional("STYLES");
        if (styles != null) {
            for (String style : styles.split(",", -1)) {
                if (!style.isBlank() && !style.strip().equals("default")) {
                    throw OwsException.of("StyleNotDefined", "STYLES", "no style '" + style
                            + "'; the one style is 'default' (or leave STYLES empty)");
                }
            }
        }
        String format = p.required("FORMAT");
        // "image/png; mode=8bit" and the like still ask for PNG
        if (!format.toLowerCase(Locale.ROOT).startsWith(PNG)) {
            throw OwsException.of("InvalidFormat", "FORMAT", "format '" + format + "' is not offered; ask for "
                    + PNG);
        }
        WmsCrs crs = WmsCrs.parse(p.required("CRS"));
        double[] box = crs.axisOrder(MapRequest.box(p.required("BBOX"), crs.axes()));
        int width = MapRequest.size("WIDTH", p.required("WIDTH"));
        int height = MapRequest.size("HEIGHT", p.required("HEIGHT"));
        boolean transparent = "TRUE".equalsIgnoreCase(p.optional("TRANSPARENT"));
        return new GetMapRequest(layer, new MapRequest(width, height, box, crs.crs(), null), transparent,
                background(p.optional("BGCOLOR")));
    }

    private static int background(String text) {
        if (text == null || text.isBlank()) {
            return 0xFFFFFF;
        }
        try {
            return Integer.parseInt(text.strip().replaceFirst("^(?i)0x", ""), 16) & 0xFFFFFF;
        } catch (NumberFormatException e) {
            throw OwsException.of(null, "BGCOLOR", "BGCOLOR '" + text + "' must be 0xRRGGBB");
        }
    }
}
