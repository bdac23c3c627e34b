/**
 * Interpolate: irregular samples → grids by inverse-distance weighting (gdal_grid's {@code invdistnn}: power,
 * k nearest neighbours, search radius, minimum points), an optional mask to the samples' buffered hull, and
 * per-element normalisation (the paper's z-score, eq. 2; min-max; optional log10), whose statistics are kept
 * with each band.
 */
package org.geoprospect.interpolate;
