/**
 * Coordinate reference systems: EPSG codes and WKT (OGC and ESRI {@code .prj}) read with proj4j and NGA's WKT
 * parser, EPSG codes recovered for WKT that lacks them, and point transforms between CRSs.
 */
package org.geoprospect.crs;
