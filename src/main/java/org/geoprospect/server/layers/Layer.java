package org.geoprospect.server.layers;

import java.time.Instant;

/**
 * A published layer: a vector layer (points such as samples and deposits, or target polygons) or a raster (element
 * grids, probability), held as one file in the catalog's folder.
 *
 * @param name     the layer's name, unique, safe in URLs and paths ({@link LayerCatalog#NAME})
 * @param kind     vector or raster
 * @param title    a human title
 * @param file     the file's name in the layer's folder ({@code targets.gpkg}, {@code grid.tif}, {@code samples.csv})
 * @param crs      the layer's CRS identifier ({@code EPSG:32650})
 * @param bbox     its extent in that CRS: minX, minY, maxX, maxY
 * @param count    features (vector) or bands (raster)
 * @param source   its provenance: {@code upload}, {@code registered <path>} or {@code job <id> output <output>}
 * @param created  when it was published
 */
public record Layer(String name, LayerKind kind, String title, String file, String crs, double[] bbox, int count,
                    String source, Instant created) {
}
