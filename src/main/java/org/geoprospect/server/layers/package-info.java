/**
 * Published layers: the catalog of layer files (vector points and polygons, GeoTIFF rasters) and their HTTP
 * resources — listing, upload and registration, deletion, download — and map images of rasters (PNG on the
 * viridis ramp, drawn in CRS84, Web Mercator EPSG:3857 or the layer's own CRS).
 */
package org.geoprospect.server.layers;
