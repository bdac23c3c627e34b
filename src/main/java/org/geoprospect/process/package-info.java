/**
 * Process: the four steps as processes every host offers (command line, embedded OGC server, GeoServer), each
 * described once in {@code wps-processes.xml} (a WPS 1.0.0 ProcessDescriptions document), run on inputs checked
 * against that description, reporting progress and honouring cancellation. No HTTP and no DJL types here.
 */
package org.geoprospect.process;
