package org.geoprospect.server.ogcapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.http.ServerLinks;

/**
 * The page of a list resource a request asks for: {@code limit} items (1 or more; above the list's maximum, the
 * maximum, as OGC API – Processes' /req/core/pl-limit-response and /req/job-list/limit-response allow) after
 * skipping {@code offset}; and the links between pages (self, next while there are more, prev).
 */
record Page(int limit, int offset) {

    /** @throws InvalidInputException naming limit or offset when it is no whole number in range */
    static Page of(Context ctx, int defaultLimit, int maxLimit) {
        return new Page(Math.min(maxLimit, count(ctx, "limit", defaultLimit, 1)), count(ctx, "offset", 0, 0));
    }

    /**
     * @param path the list's path, e.g. {@code /jobs}
     * @param more whether items follow this page
     */
    void addLinks(ServerLinks links, ArrayNode into, String path, String what, boolean more) {
        links.add(into, "self", "application/json", "this page of " + what, href(path, offset));
        if (more) {
            links.add(into, "next", "application/json", "the next page", href(path, offset + limit));
        }
        if (offset > 0) {
            links.add(into, "prev", "application/json", "the previous page", href(path, Math.max(0, offset - limit)));
        }
    }

    private String href(String path, int from) {
        return path + "?limit=" + limit + "&offset=" + from;
    }

    private static int count(Context ctx, String name, int fallback, int min) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min) {
                return (int) Math.min(Integer.MAX_VALUE, n);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException(name, "'" + name + "' is a whole number from " + min + ", not '" + v + "'");
    }
}
