package org.geoprospect.server.wms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.OwsException;
import org.geoprospect.server.http.ServerLinks;
import org.geoprospect.server.layers.Layer;
import org.geoprospect.server.layers.RasterMaps;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.function.IntSupplier;
import javax.imageio.ImageIO;

/**
 * WMS 1.3.0 at {@code /wms} (GET, key-value pairs): GetCapabilities lists the published raster layers, GetMap draws
 * one of them as a PNG through {@link RasterMaps}, the renderer {@code /layers/{name}/map} uses. Every error is
 * answered as a ServiceExceptionReport, never as the server's problem JSON. Links use the host name and scheme the
 * client used.
 */
public final class WmsEndpoints implements Endpoints {
    private final RasterMaps maps;
    private final IntSupplier port;

    /** @param port the port the server listens on, known once it has started */
    public WmsEndpoints(RasterMaps maps, IntSupplier port) {
        this.maps = maps;
        this.port = port;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/wms", this::answer);
    }

    private void answer(Context ctx) {
        try {
            WmsParameters p = new WmsParameters(ctx.queryParamMap());
            String service = p.optional("SERVICE");
            if (service != null && !service.strip().equalsIgnoreCase("WMS")) {
                throw OwsException.of(null, "SERVICE", "service '" + service + "' is not offered here; ask for WMS");
            }
            String request = p.required("REQUEST");
            if (request.equalsIgnoreCase("GetCapabilities")) {
                String href = ServerLinks.of(ctx, port.getAsInt()).href("/wms");
                ctx.contentType(WmsXml.CONTENT_TYPE).result(CapabilitiesDocument.of(maps.rasters(), href));
            } else if (request.equalsIgnoreCase("GetMap")) {
                ctx.contentType(GetMapRequest.PNG).result(map(GetMapRequest.parse(p)));
            } else {
                throw OwsException.of("OperationNotSupported", "REQUEST", "request '" + request
                        + "' is not offered; this WMS answers GetCapabilities and GetMap");
            }
        } catch (Exception e) {
            OwsException w = WmsExceptions.of(e);
            ctx.status(w.status()).contentType(WmsXml.CONTENT_TYPE).result(ServiceExceptionReport.of(w));
        }
    }

    private byte[] map(GetMapRequest request) throws SQLException, IOException {
        Layer layer = maps.raster(request.layer()).orElseThrow(() -> OwsException.of("LayerNotDefined", "LAYERS",
                "no raster layer '" + request.layer() + "'; GetCapabilities lists the layers"));
        BufferedImage image = maps.draw(layer, request.map());
        if (!request.transparent()) {
            image = opaque(image, request.background());
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** TRANSPARENT=FALSE, the default: the image laid on the background colour, without an alpha channel. */
    private static BufferedImage opaque(BufferedImage argb, int background) {
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(argb, 0, 0, new Color(background), null);
        g.dispose();
        return rgb;
    }
}
