package org.geoprospect.server.http;

import org.geoprospect.core.InvalidInputException;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user of the server (setting {@code users = name:secret, …}): sends the secret as {@code X-API-Key}, or the name
 * and secret as HTTP Basic credentials. A user may execute, upload and dismiss its own jobs; the jobs it creates are
 * its own.
 *
 * @param name   the user's name, which owns its jobs
 * @param secret its key or password
 */
public record User(String name, String secret) {
    /** The owners the server itself names jobs after, which no user may take. */
    private static final Set<String> RESERVED = Set.of(Caller.ADMIN, Caller.ANONYMOUS);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]+");

    public User {
        if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw new InvalidInputException("users", "users: '" + name + "' is not a user name: letters, digits and "
                    + "._@- only, and neither 'admin' nor 'anonymous'");
        }
        if (secret == null || secret.isEmpty()) {
            throw new InvalidInputException("users", "users: '" + name + "' has no secret; write name:secret");
        }
    }

    /** Reads {@code name:secret} from the settings file. */
    static User parse(Path file, String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new InvalidInputException("config", file + ": users: write name:secret, not '"
                    + entry.substring(0, Math.min(entry.length(), 3)) + "…'");
        }
        return new User(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
    }
}
