/**
 * Samples: geochemical point data and the deposit points later steps use, read from CSV, GeoPackage, ESRI
 * shapefile or GeoJSON in any CRS into a {@link org.geoprospect.samples.PointTable}, then turned into element
 * values ({@link org.geoprospect.samples.SampleSet}) by a documented policy for missing and below-detection values.
 */
package org.geoprospect.samples;
