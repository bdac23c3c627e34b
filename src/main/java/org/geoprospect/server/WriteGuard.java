package org.geoprospect.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import org.geoprospect.server.http.Caller;
import org.geoprospect.server.http.ServerConfig;
import org.geoprospect.server.http.User;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Optional protection of everything that runs work or changes the server — executing a process (WPS Execute, OGC
 * API execution), publishing or deleting layers, dismissing jobs — by credentials from the settings: the admin's
 * API key (header {@code X-API-Key}) and/or HTTP Basic credentials, and the users' ({@link User}). Every request is
 * told who sent it ({@link Caller}), so that the endpoints keep what only the admin may do (registering and deleting
 * layers, other users' jobs) to the admin. Reading (capabilities, descriptions, layers, results) stays open.
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
        Caller caller = identify(ctx);
        caller.attachTo(ctx);
        if (caller.role() != Caller.Role.ANONYMOUS || !writes(ctx)) {
            return;
        }
        if (config.basicUser() != null || !config.users().isEmpty()) {
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

    /** @return who the credentials name; without credentials in the settings, anyone is the admin */
    private Caller identify(Context ctx) {
        if (!config.protectedWrites()) {
            return new Caller(Caller.ANONYMOUS, Caller.Role.ADMIN);
        }
        String key = ctx.header("X-API-Key");
        String basic = basic(ctx.header("Authorization"));
        if (key != null && config.apiKey() != null && same(key, config.apiKey())
                || basic != null && config.basicUser() != null
                && same(basic, config.basicUser() + ":" + config.basicPassword())) {
            return new Caller(Caller.ADMIN, Caller.Role.ADMIN);
        }
        for (User user : config.users()) {
            if (key != null && same(key, user.secret()) || basic != null && same(basic, user.name() + ":"
                    + user.secret())) {
                return new Caller(user.name(), Caller.Role.USER);
            }
        }
        return new Caller(Caller.ANONYMOUS, Caller.Role.ANONYMOUS);
    }

    /** @return the decoded {@code user:password} of HTTP Basic credentials, or null */
    private static String basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
