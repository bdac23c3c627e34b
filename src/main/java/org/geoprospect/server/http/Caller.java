package org.geoprospect.server.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

/**
 * Who sent a request, as the write guard found from its credentials: the owner of the jobs it creates, and its role.
 * The admin (the settings' {@code apiKey} or Basic credentials) may do everything; a {@link User} may execute, upload
 * and see and dismiss its own jobs; an anonymous caller may only read. On a server without credentials every
 * caller is anonymous and the admin, as anyone who reaches it may do everything anyway.
 *
 * @param owner the owner of the jobs it creates: a user's name, {@value ADMIN} or {@value ANONYMOUS}
 * @param role  what it may do
 */
public record Caller(String owner, Role role) {
    public static final String ADMIN = "admin";
    public static final String ANONYMOUS = "anonymous";
    private static final String ATTRIBUTE = "geoprospect.caller";

    /** What a caller may do. */
    public enum Role { ANONYMOUS, USER, ADMIN }

    /** Tells the endpoints who sent the request; the write guard calls it first. */
    public void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** @return who sent the request */
    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("the write guard did not identify the caller");
        }
        return caller;
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** @return whether it may see and dismiss a job of that owner */
    public boolean owns(String jobOwner) {
        return admin() || owner.equals(jobOwner);
    }

    /** @throws ForbiddenResponse (403) unless the caller is the admin */
    public void requireAdmin(String what) {
        if (!admin()) {
            throw new ForbiddenResponse(what + " is for the server's administrator: send the admin's credentials "
                    + "(apiKey or basicUser), not a user's");
        }
    }
}
