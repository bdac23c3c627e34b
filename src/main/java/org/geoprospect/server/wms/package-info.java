/**
 * A minimal OGC Web Map Service 1.3.0 (OGC 06-042) at {@code /wms}, so that QGIS and other WMS clients add the
 * published raster layers (probability, element grids) as map layers: GetCapabilities and GetMap (PNG), with errors
 * as a ServiceExceptionReport. The images come from the same renderer as {@code /layers/{name}/map}; WMS differs
 * only in its parameters and in the axis order of 1.3.0 (latitude first for EPSG geographic CRSs, see
 * {@link org.geoprospect.server.wms.WmsCrs}).
 */
package org.geoprospect.server.wms;
