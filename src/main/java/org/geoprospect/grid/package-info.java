/**
 * Grids: georeferenced grid geometry, multi-band float32 rasters with band names, metadata and normalisation
 * statistics, and their GeoTIFF reader and writer (GeoKeys for the CRS, GDAL's nodata and metadata tags so that
 * GDAL and QGIS see band names and units).
 */
package org.geoprospect.grid;
