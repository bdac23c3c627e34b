package org.geoprospect.core;

/**
 * Root of every error the engine reports on purpose. Hosts map the subtypes to their protocol in one
 * place each (an exit code and message on the command line, an OGC ExceptionReport or a JSON problem over HTTP).
 */
public class GeoprospectException extends RuntimeException {
    public GeoprospectException(String message) {
        super(message);
    }

    public GeoprospectException(String message, Throwable cause) {
        super(message, cause);
    }
}
