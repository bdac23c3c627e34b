/**
 * OGC API – Features – Part 1: Core (OGC 17-069r4), with the GeoJSON (RFC 7946) encoding, over the published vector
 * layers: each is a collection whose items are its features in CRS84, read once from the layer's GeoPackage or point
 * file and paged from memory.
 */
package org.geoprospect.server.features;
