/**
 * The embedded OGC server, the host that GIS users reach over HTTP: WPS 1.0.0 and OGC API – Processes over the
 * same process objects the command line runs, published layers in and out (OGC API – Features, GeoTIFF, map
 * images), durable jobs and a web map. A thin layer: it turns requests into process inputs and results into
 * responses, and knows nothing of the method itself.
 */
package org.geoprospect.server;
