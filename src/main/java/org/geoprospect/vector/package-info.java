/**
 * Vector data formats shared by the steps and the hosts (beside {@code grid} for rasters): GeoJSON geometries.
 */
package org.geoprospect.vector;
