package org.geoprospect.process;

/**
 * A process every host offers: described by {@code wps-processes.xml}, run on checked inputs. Knows nothing of
 * HTTP or the command line. Implementations are stateless and thread-safe: hosts run several executions at once.
 */
public interface GeoProcess {
    ProcessDescription description();

    /**
     * @throws org.geoprospect.core.InvalidInputException  when the inputs cannot be used (names the input)
     * @throws org.geoprospect.core.CancelledException     when the context's cancellation was requested
     * @throws org.geoprospect.core.ExecutionFailedException when the work failed for another reason
     */
    ProcessResult execute(ProcessInputs inputs, ProcessContext context);

    /**
     * @return whether the process runs native deep-learning code (DJL, libtorch), which a host runs in a worker
     *         process so that a native fault cannot take the host down ({@link ProcessRunner})
     */
    default boolean usesNativeEngine() {
        return false;
    }
}
