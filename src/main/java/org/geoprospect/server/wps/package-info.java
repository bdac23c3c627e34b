/**
 * The OGC Web Processing Service 1.0.0 (OGC 05-007r7) over the server's processes: GetCapabilities,
 * DescribeProcess (the {@code wps-processes.xml} document itself) and Execute, in the key-value-pair (GET) and XML
 * (POST) encodings, synchronous or stored with a status location, response documents with outputs inline or by
 * reference, RawDataOutput, lineage; errors as OWS 1.1 ExceptionReports. Requests are read into
 * {@link org.geoprospect.server.wps.WpsRequest}, run through the same
 * {@link org.geoprospect.server.execution.ProcessExecution} and job manager as OGC API – Processes, and written by one
 * document class per response type.
 */
package org.geoprospect.server.wps;
