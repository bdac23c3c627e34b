/**
 * The web map: a page for people without a GIS ({@code src/main/resources/web/}) that lists the published layers,
 * draws them with Leaflet over no base map (the server needs no network), and runs the processes as asynchronous
 * OGC API – Processes jobs. The page speaks only the server's public URLs (layers, OGC API – Features items, map
 * images, processes, jobs); this package just serves its files and Leaflet's.
 */
package org.geoprospect.server.web;
