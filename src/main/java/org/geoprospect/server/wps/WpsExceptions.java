package org.geoprospect.server.wps;

import io.javalin.http.HttpResponseException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.MissingInputException;
import org.geoprospect.server.http.OwsException;
import org.geoprospect.server.jobs.ServerBusyException;

/** The one place where the engine's errors become WPS 1.0.0 exceptions (Table 62, after OWS 1.1). */
final class WpsExceptions {
    private WpsExceptions() {
    }

    /** The WPS exception an error stands for: bad input is the client's (400), a full server is busy (503). */
    static OwsException of(Exception e) {
        if (e instanceof OwsException w) {
            return w;
        }
        if (e instanceof MissingInputException missing) {
            return new OwsException("MissingParameterValue", missing.input(), missing.getMessage(), 400);
        }
        if (e instanceof InvalidInputException invalid) {
            return new OwsException("InvalidParameterValue", invalid.input(), invalid.getMessage(), 400);
        }
        if (e instanceof ServerBusyException) {
            return new OwsException("ServerBusy", null, e.getMessage(), 503);
        }
        if (e instanceof HttpResponseException http) { // Javalin's, e.g. a body over the upload limit
            return new OwsException(http.getStatus() == 413 ? "FileSizeExceeded" : "NoApplicableCode", null,
                    http.getMessage(), http.getStatus());
        }
        return new OwsException("NoApplicableCode", null, e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage(), 500);
    }
}
