package org.geoprospect.core;

/** The input was acceptable but the work could not be done (an I/O failure while writing, a native error). */
public class ExecutionFailedException extends GeoprospectException {
    public ExecutionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
