package org.geoprospect.server.layers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.server.http.Endpoints;
import org.geoprospect.server.http.Problem;

import java.io.IOException;
import java.sql.SQLException;
import javax.imageio.ImageIO;

/**
 * Map images of raster layers: {@code GET /layers/{name}/map?width=&height=&bbox=&crs=&band=} answers a PNG with
 * an alpha channel ({@link MapRequest} has the parameters, {@link RasterMaps} the drawing, shared with WMS).
 */
public final class MapEndpoints implements Endpoints {
    private final RasterMaps maps;

    public MapEndpoints(RasterMaps maps) {
        this.maps = maps;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/layers/{name}/map", this::map);
    }

    private void map(Context ctx) throws SQLException, IOException {
        String name = ctx.pathParam("name");
        Layer layer = maps.raster(name).orElseThrow(() ->
                new Problem.NotFoundException("no raster layer '" + name + "'; maps are drawn of raster layers "
                        + "(vector layers are served as features at /collections/NAME/items)"));
        MapRequest request = MapRequest.parse(layer, ctx.queryParam("width"), ctx.queryParam("height"),
                ctx.queryParam("bbox"), ctx.queryParam("crs"), ctx.queryParam("band"));
        var image = maps.draw(layer, request);
        ctx.contentType("image/png");
        ImageIO.write(image, "png", ctx.outputStream());
    }
}
