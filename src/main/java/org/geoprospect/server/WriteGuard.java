package org.geoprospect.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import org.geoprospect.server.http.ServerConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Optional protection of everything that runs work or changes the server — executing a process (WPS Execute, OGC
 * API execution), publishing or deleting layers, dismissing jobs — by an API key (header {@code X-API-Key}) and/or
 * HTTP Basic credentials from the settings. Reading (capabilities, descriptions, layers, results) stays open.
 * Secrets are compared in constant time.
 */
final class WriteGuard {
    private final ServerConfig config;

    WriteGuard(ServerConfig config) {
        this.config = config;
    }

    /**
     * @throws UnauthorizedResponse (401) when the request writes without valid credentials; the host answers it in
     *                              the protocol of the path (a problem document, or a WPS ExceptionReport)
     */
    void check(Context ctx) {
        if (!config.protectedWrites() || !writes(ctx) || authorised(ctx)) {
            return;
        }
        if (config.basicUser() != null) {
            ctx.header("WWW-Authenticate", "Basic realm=\"geoprospect\", charset=\"UTF-8\"");
        }
        throw new UnauthorizedResponse("executing processes and publishing need credentials: an X-API-Key header "
                + "or HTTP Basic authentication");
    }

    static boolean writes(Context ctx) {
        HandlerType method = ctx.method();
        if (method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.DELETE
                || method == HandlerType.PATCH) {
            return true;
        }
        // WPS 1.0.0 Execute may come as a GET with key-value pairs
        String request = ctx.queryParamMap().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("request")).flatMap(e -> e.getValue().stream())
                .findFirst().orElse("");
        return ctx.path().startsWith("/wps") && request.toLowerCase(Locale.ROOT).equals("execute");
    }

    private boolean authorised(Context ctx) {
        String key = ctx.header("X-API-Key");
        if (config.apiKey() != null && key != null && same(key, config.apiKey())) {
            return true;
        }
        String auth = ctx.header("Authorization");
        if (config.basicUser() != null && auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return same(decoded, config.basicUser() + ":" + config.basicPassword());
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
