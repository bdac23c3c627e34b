package org.geoprospect.server.execution;

import org.geoprospect.process.ProcessRegistry;
import org.geoprospect.server.jobs.JobManager;

import java.util.function.IntSupplier;

/**
 * What the process protocols (WPS, OGC API – Processes) need of the server: its processes, how a request becomes a
 * job's work, the jobs, and the port links are made for. Narrow on purpose: endpoints never see the whole server.
 *
 * @param port the port the server listens on, known once it has started
 */
public record ProcessService(ProcessRegistry processes, ProcessExecution execution, JobManager jobs,
                             IntSupplier port) {
}
