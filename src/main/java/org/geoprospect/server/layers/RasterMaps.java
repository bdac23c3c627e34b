package org.geoprospect.server.layers;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.grid.GeoTiffReader;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one rendering path for map images of the catalog's raster layers, shared by every protocol that draws them
 * ({@code /layers/{name}/map}, WMS): it finds the raster layer and draws a {@link MapRequest} with {@link RasterMap}.
 * A GeoTIFF is read whole, so rasters are kept in a {@link LayerFileCache} between requests, as a web map asks for
 * many images of one layer. Thread-safe.
 */
public final class RasterMaps {
    private final LayerCatalog catalog;
    private final LayerFileCache<RasterMap> cache = new LayerFileCache<>(LayerFileCache.defaultBudget(),
            RasterMap::bytes);

    public RasterMaps(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** @return the raster layer of that name, if there is one (a vector layer of that name is not) */
    public Optional<Layer> raster(String name) throws SQLException {
        return catalog.get(name).filter(l -> l.kind() == LayerKind.RASTER);
    }

    /** @return every published raster layer, in the catalog's order */
    public List<Layer> rasters() throws SQLException {
        return catalog.list().stream().filter(l -> l.kind() == LayerKind.RASTER).toList();
    }

    /**
     * @return the ARGB image, transparent off the raster and over no data
     * @throws InvalidInputException (input {@code band}) for a band the raster does not have
     */
    public BufferedImage draw(Layer layer, MapRequest request) throws IOException {
        RasterMap map = cache.get(layer, catalog.file(layer), file -> new RasterMap(new GeoTiffReader().read(file)));
        return map.render(request);
    }
}
