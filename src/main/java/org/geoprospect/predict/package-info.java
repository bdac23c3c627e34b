/**
 * Step 4, from a trained model to what a geologist acts on: ore probability per tile (the paper's R × C protocol)
 * or per cell (a sliding window), favourable areas dissolved into numbered target polygons marked as known ore or
 * new, the polygons as GeoPackage and GeoJSON layers, and the evaluation against known deposits.
 */
package org.geoprospect.predict;
