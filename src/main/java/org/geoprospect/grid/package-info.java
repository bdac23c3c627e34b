/**
 * Grids: georeferenced grid geometry, multi-band float32 rasters with band names, metadata and normalisation
 * statistics, and their GeoTIFF reader and writer (GeoKeys for the CRS, GDAL's nodata and metadata tags so that
 * GDAL and QGIS see band names and units). Known deposits on a grid: {@link org.geoprospect.grid.DepositPoints}
 * and the labelled cells every step draws from them ({@link org.geoprospect.grid.LocationLabeller}: positive cells
 * at and around deposits, negatives sampled away from them), shared by selection, training and evaluation.
 */
package org.geoprospect.grid;
