package org.geoprospect.server.wps;

import io.javalin.http.HttpResponseException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.jobs.ServerBusyException;

/**
 * A request the service cannot answer, as the exception of WPS 1.0.0 (Table 62, after OWS 1.1) it is reported as:
 * the exception code, the locator (the parameter or process input at fault) and the HTTP status.
 * {@link #of(Exception)} is the one place where the engine's errors become WPS exceptions.
 */
final class WpsException extends RuntimeException {
    private final String code;
    private final String locator;
    private final int status;

    /**
     * @param code    e.g. {@code InvalidParameterValue}
     * @param locator the parameter or input at fault, or null
     * @param status  the HTTP status of the ExceptionReport
     */
    WpsException(String code, String locator, String message, int status) {
        super(message);
        this.code = code;
        this.locator = locator;
        this.status = status;
    }

    static WpsException missing(String parameter) {
        return new WpsException("MissingParameterValue", parameter, "parameter '" + parameter + "' is missing",
                400);
    }

    static WpsException invalid(String parameter, String message) {
        return new WpsException("InvalidParameterValue", parameter, message, 400);
    }

    /** The WPS exception an error stands for: bad input is the client's (400), a full server is busy (503). */
    static WpsException of(Exception e) {
        if (e instanceof WpsException w) {
            return w;
        }
        if (e instanceof InvalidInputException invalid) {
            return new WpsException("InvalidParameterValue", invalid.input(), invalid.getMessage(), 400);
        }
        if (e instanceof ServerBusyException) {
            return new WpsException("ServerBusy", null, e.getMessage(), 503);
        }
        if (e instanceof HttpResponseException http) { // Javalin's, e.g. a body over the upload limit
            return new WpsException(http.getStatus() == 413 ? "FileSizeExceeded" : "NoApplicableCode", null,
                    http.getMessage(), http.getStatus());
        }
        return new WpsException("NoApplicableCode", null, e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage(), 500);
    }

    String code() {
        return code;
    }

    String locator() {
        return locator;
    }

    int status() {
        return status;
    }
}
