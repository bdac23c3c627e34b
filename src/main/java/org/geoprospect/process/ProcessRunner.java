package org.geoprospect.process;

/**
 * Where a host runs a process: here in its own JVM, or — for a process that {@linkplain GeoProcess#usesNativeEngine
 * uses native code} — in a worker process that owns the engine and the model cache, so that a native fault fails
 * one job instead of the host. Hosts hold one runner for their lifetime and close it when they stop. Thread-safe.
 */
public interface ProcessRunner extends AutoCloseable {
    /** Runs every process in the caller's JVM: the command line's runner, and a worker's own. */
    ProcessRunner IN_PROCESS = (process, inputs, context) -> process.execute(inputs, context);

    /**
     * @throws org.geoprospect.core.InvalidInputException  as {@link GeoProcess#execute}
     * @throws org.geoprospect.core.CancelledException     as {@link GeoProcess#execute}
     * @throws org.geoprospect.core.ExecutionFailedException as {@link GeoProcess#execute}, and when the worker
     *                                                       running it died (the message says how)
     */
    ProcessResult run(GeoProcess process, ProcessInputs inputs, ProcessContext context);

    @Override
    default void close() {
    }
}
