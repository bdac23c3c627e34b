package org.geoprospect.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.Server;
import org.geoprospect.server.jobs.ServerBusyException;

import java.nio.charset.StandardCharsets;

/**
 * Errors as RFC 7807 problem documents ({@code application/problem+json}, or {@code application/json} for a client
 * that accepts JSON but not that), the error format of the OGC APIs: the type names the OGC exception where one
 * applies, the detail says what to change. Bad input is 400, an unknown
 * resource 404, a busy server 503, Javalin's own answers (a body over {@code http.maxRequestSize}: 413) keep their
 * status, anything else 500 with its message.
 */
public final class Problem {
    /** The OGC API – Processes problem type of bad input. */
    public static final String INVALID_PARAMETER =
            "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/invalid-parameter";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An error that is the requester's: a resource that does not exist. */
    public static final class NotFoundException extends RuntimeException {
        private final String type;

        public NotFoundException(String message) {
            this("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-resource", message);
        }

        /** @param type the problem type, e.g. OGC API – Processes' {@code …/no-such-job} */
        public NotFoundException(String type, String message) {
            super(message);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    private Problem() {
    }

    /** Writes the problem document for an exception. */
    public static void respond(Context ctx, Exception e) {
        if (e instanceof ServerBusyException) {
            ctx.header("Retry-After", "60");
        }
        respond(ctx, of(e));
    }

    /** @return the problem document an exception stands for */
    public static ObjectNode of(Exception e) {
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
            type = INVALID_PARAMETER;
            title = invalid.input() == null ? "Bad request" : "Bad input '" + invalid.input() + "'";
        } else if (e instanceof NotFoundException notFound) {
            status = 404;
            type = notFound.type();
            title = "Not found";
        } else if (e instanceof ServerBusyException) {
            status = 503;
            type = "about:blank";
            title = "Server busy";
        } else if (e instanceof CancelledException) {
            status = 500;
            type = "about:blank";
            title = "Cancelled";
        } else {
            status = 500;
            type = "about:blank";
            title = e instanceof ExecutionFailedException ? "Execution failed" : "Server error";
        }
        return document(status, type, title, detail);
    }

    public static void respond(Context ctx, int status, String type, String title, String detail) {
        respond(ctx, document(status, type, title, detail));
    }

    /** @return the problem document, for a host that adds members of its own (e.g. the job at fault) */
    public static ObjectNode document(int status, String type, String title, String detail) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }

    /** Writes a problem document made by {@link #document}. */
    public static void respond(Context ctx, ObjectNode problem) {
        // as bytes: a string result would be sent in ISO-8859-1 for a media type without a charset, and JSON is UTF-8
        ctx.status(problem.get("status").asInt()).contentType(mediaType(ctx.header("Accept")))
                .result(problem.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * RFC 7807's media type, unless the request accepts application/json and not it: the document is JSON either
     * way, and OGC's conformance suite for OGC API – Processes, which asks for application/json, insists on it.
     */
    private static String mediaType(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("application/problem+json")
                ? "application/json" : "application/problem+json";
    }
}
