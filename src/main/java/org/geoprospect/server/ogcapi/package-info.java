/**
 * OGC API – Processes – Part 1: Core 1.0 (OGC 18-062r2) over the server's processes and jobs, with the resources
 * of OGC API – Common that the whole server shares: the landing page (also the web page for browsers), the
 * conformance declaration and the OpenAPI 3.0 definition. Process lists and descriptions are generated from
 * {@code wps-processes.xml}; executions run synchronously or, with {@code Prefer: respond-async}, as background jobs
 * whose status, results and output files stay available across restarts until dismissed or expired. Conformance
 * classes core, ogc-process-description, json, job-list, dismiss and oas30; JSON only.
 */
package org.geoprospect.server.ogcapi;
