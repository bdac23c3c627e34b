package org.geoprospect.server;

import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.geoprospect.server.http.Problem;
import org.geoprospect.server.wps.WpsEndpoints;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own errors — those it answers before any route runs: a path above the root (400), a request line too
 * long (414), headers too large (431) — in the protocols' error formats instead of Jetty's HTML page: an OWS
 * ExceptionReport on {@code /wps}, a problem document elsewhere. For every request method.
 */
final class ProtocolErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpResponseException e = new HttpResponseException(code, detail(code, message));
        // a request refused before Jetty has its request line (a URI it cannot read, say) reaches here as
        // /badMessage: such an error is answered as a problem
        boolean wps = Server.isWps(request.getHttpURI().getPath());
        byte[] body = wps ? WpsEndpoints.exceptionReport(e)
                : Problem.of(e).toString().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, wps ? WpsEndpoints.XML : "application/problem+json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Jetty's message is mostly just the status's reason phrase: say what was wrong and what to do instead. */
    private static String detail(int code, String message) {
        String specific = message == null || message.equals(HttpStatus.getMessage(code)) ? "" : ": " + message;
        return switch (code) {
            case 400 -> "the request cannot be read (a malformed request line or header, or a URI whose path "
                    + "leaves the root, such as /layers/../..)" + specific;
            case 414 -> "the request's URI, query included, is longer than this server reads; send long inputs in "
                    + "a POST body";
            case 431 -> "the request's headers are larger than this server reads";
            default -> (message != null ? message : HttpStatus.getMessage(code));
        };
    }
}
