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
}
