package org.geoprospect.server.layers;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.geoprospect.grid.GeoTiffReader;
import org.geoprospect.server.Endpoints;
import org.geoprospect.server.Problem;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Map images of raster layers: {@code GET /layers/{name}/map?width=&height=&bbox=&crs=&band=} answers a PNG with
 * an alpha channel ({@link MapRequest} has the parameters, {@link RasterMap} the drawing). A GeoTIFF is read whole,
 * so rasters are kept in a {@link LayerFileCache} between requests, as a web map asks for many images of one layer.
 */
public final class MapEndpoints implements Endpoints {
    private final LayerCatalog catalog;
    private final LayerFileCache<RasterMap> cache = new LayerFileCache<>(LayerFileCache.defaultBudget(),
            RasterMap::bytes);

    public MapEndpoints(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/layers/{name}/map", this::map);
    }

    private void map(Context ctx) throws SQLException, IOException {
        String name = ctx.pathParam("name");
        Layer layer = catalog.get(name).filter(l -> l.kind() == LayerKind.RASTER).orElseThrow(() ->
                new Problem.NotFoundException("no raster layer '" + name + "'; maps are drawn of raster layers "
                        + "(vector layers are served as features at /collections/NAME/items)"));
        MapRequest request = MapRequest.parse(layer, ctx.queryParam("width"), ctx.queryParam("height"),
                ctx.queryParam("bbox"), ctx.queryParam("crs"), ctx.queryParam("band"));
        RasterMap map = cache.get(layer, catalog.file(layer), file -> new RasterMap(new GeoTiffReader().read(file)));
        var image = map.render(request);
        ctx.contentType("image/png");
        ImageIO.write(image, "png", ctx.outputStream());
    }
}
