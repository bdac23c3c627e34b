/**
 * How the embedded server runs a process for a request of any protocol: {@link
 * org.geoprospect.server.execution.ProcessExecution} over the host-neutral {@link
 * org.geoprospect.process.ProcessExecutor}, the server's references ({@code layer:NAME}, its own URLs, fetching),
 * and the publishing of output layers.
 */
package org.geoprospect.server.execution;
