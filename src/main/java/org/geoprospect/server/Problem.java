package org.geoprospect.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.jobs.ServerBusyException;

/**
 * Errors as RFC 7807 problem documents ({@code application/problem+json}), the error format of the OGC APIs: the
 * type names the OGC exception where one applies, the detail says what to change. Bad input is 400, an unknown
 * resource 404, a busy server 503, Javalin's own answers (a body over {@code http.maxRequestSize}: 413) keep their
 * status, anything else 500 with its message.
 */
public final class Problem {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An error that is the requester's: a resource that does not exist. */
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }

    private Problem() {
    }

    /** Writes the problem document for an exception. */
    public static void respond(Context ctx, Exception e) {
        int status;
        String type;
        String title;
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof HttpResponseException http) {
            status = http.getStatus();
            type = "about:blank";
            title = HttpStatus.forStatus(status).getMessage();
            if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
                detail = "the request body is larger than this server accepts (its setting maxUploadMegabytes)";
            }
        } else if (e instanceof InvalidInputException invalid) {
            status = 400;
            type = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/invalid-parameter";
            title = invalid.input() == null ? "Bad request" : "Bad input '" + invalid.input() + "'";
        } else if (e instanceof NotFoundException) {
            status = 404;
            type = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-resource";
            title = "Not found";
        } else if (e instanceof ServerBusyException) {
            status = 503;
            type = "about:blank";
            title = "Server busy";
            ctx.header("Retry-After", "60");
        } else if (e instanceof CancelledException) {
            status = 500;
            type = "about:blank";
            title = "Cancelled";
        } else {
            status = 500;
            type = "about:blank";
            title = e instanceof ExecutionFailedException ? "Execution failed" : "Server error";
        }
        respond(ctx, status, type, title, detail);
    }

    public static void respond(Context ctx, int status, String type, String title, String detail) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        ctx.status(status).contentType("application/problem+json").result(p.toString());
    }
}
