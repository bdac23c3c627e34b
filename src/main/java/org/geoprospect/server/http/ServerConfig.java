package org.geoprospect.server.http;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.server.jobs.JobLimits;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's settings, all in one properties file for the admin ({@code serve --config FILE}); every key is
 * optional and the defaults are safe for a workstation:
 * <pre>
 * host = 127.0.0.1               # the address to listen on: this machine only; 0.0.0.0 for every interface
 * port = 8080                    # 0: any free port
 * data = geoprospect-data        # the store: server.db, jobs/, layers/, models/
 * maxSync = 2                    # executions at once, per mode
 * maxAsync = 1
 * queue = 20                     # asynchronous jobs waiting
 * maxSyncMinutes = 10            # execution time limits
 * maxAsyncMinutes = 720
 * resultDays = 7                 # finished jobs and their files are deleted after this
 * maxUploadMegabytes = 512       # request bodies, uploads and fetched references
 * fetchHosts =                   # comma-separated hosts whose URLs inputs may reference ({@link FetchAllowList})
 * apiKey =                       # the admin's key: set, writes need credentials (header X-API-Key)
 * basicUser =                    # the admin's HTTP Basic credentials, beside or instead of apiKey
 * basicPassword =
 * users =                        # name:secret, comma-separated: users who may execute, upload and dismiss their jobs
 * registerFolders =              # comma-separated folders whose files the admin may publish with /layers/register
 * corsOrigins = *                # comma-separated, * for any
 * echoProcess = false            # offer OGC API – Processes' test process echo, for conformance suites
 * </pre>
 *
 * @param host               the address to listen on (a name or IP address of this machine; 0.0.0.0 or :: for all)
 * @param port               HTTP port, 0 for any free one
 * @param dataDir            the server's store
 * @param limits             job limits
 * @param maxUploadBytes     largest request body, upload or fetched reference
 * @param fetchHosts         the hosts whose URLs inputs may reference, which the server then fetches
 * @param apiKey             the admin's key, or null
 * @param basicUser          the admin's user name for HTTP Basic, or null
 * @param basicPassword      its password, or null
 * @param corsOrigins        origins allowed to call from a browser ({@code *} for any)
 * @param echoProcess        whether OGC API – Processes also offers the process {@code echo}, the test process
 *                           that the standard's conformance suite runs its job tests with
 * @param users              the users, who may do what the admin may but register and delete layers and touch
 *                           other users' jobs
 * @param registerFolders    the only folders (and their subfolders) whose files /layers/register publishes
 */
public record ServerConfig(String host, int port, Path dataDir, JobLimits limits, long maxUploadBytes,
                           FetchAllowList fetchHosts, String apiKey, String basicUser, String basicPassword,
                           Set<String> corsOrigins, boolean echoProcess, List<User> users,
                           List<Path> registerFolders) {
    /** Where the server listens unless told otherwise: reachable from this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Set<String> KEYS = Set.of("host", "port", "data", "maxSync", "maxAsync", "queue",
            "maxSyncMinutes", "maxAsyncMinutes", "resultDays", "maxUploadMegabytes", "fetchHosts", "apiKey",
            "basicUser", "basicPassword", "corsOrigins", "echoProcess", "users", "registerFolders");
    /** A host name or an IP address, nothing that would need escaping where the landing page shows it. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%\\[\\]-]+");

    public ServerConfig {
        corsOrigins = Set.copyOf(corsOrigins);
        users = List.copyOf(users);
        registerFolders = List.copyOf(registerFolders);
        if (users.stream().map(User::name).distinct().count() < users.size()) {
            throw new InvalidInputException("users", "users: a name is given twice");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            throw new InvalidInputException("host", "host '" + host + "' is not a host name or IP address");
        }
        if ((basicUser == null) != (basicPassword == null)) {
            throw new InvalidInputException("config", "basicUser and basicPassword go together");
        }
    }

    /** Settings without the echo process, as a server has them unless its admin runs a conformance suite. */
    public ServerConfig(String host, int port, Path dataDir, JobLimits limits, long maxUploadBytes,
                        FetchAllowList fetchHosts, String apiKey, String basicUser, String basicPassword,
                        Set<String> corsOrigins) {
        this(host, port, dataDir, limits, maxUploadBytes, fetchHosts, apiKey, basicUser, basicPassword, corsOrigins,
                false, List.of(), List.of());
    }

    /** The defaults, with the store in {@code dataDir}. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(LOOPBACK, 8080, dataDir, JobLimits.DEFAULT, 512L << 20, FetchAllowList.NONE, null,
                null, null, Set.of("*"));
    }

    /** @return whether executing and publishing need credentials */
    public boolean protectedWrites() {
        return apiKey != null || basicUser != null || !users.isEmpty();
    }

    /** @return these settings with users, and folders the admin may register files from */
    public ServerConfig withRoles(List<User> newUsers, List<Path> newRegisterFolders) {
        return new ServerConfig(host, port, dataDir, limits, maxUploadBytes, fetchHosts, apiKey, basicUser,
                basicPassword, corsOrigins, echoProcess, newUsers, newRegisterFolders);
    }

    /**
     * @return a warning when other machines may reach the server and, without credentials, run processes and
     *         publish and delete layers; empty when it listens on loopback only or writes need credentials
     */
    public Optional<String> openWarning() {
        try {
            if (protectedWrites() || InetAddress.getByName(host).isLoopbackAddress()) {
                return Optional.empty();
            }
        } catch (UnknownHostException e) {
            // the server cannot listen there at all; warning of it does no harm
        }
        return Optional.of("this server listens on " + host + ", beyond this machine, without credentials: anyone "
                + "who reaches it may run processes and publish and delete layers. Set apiKey (or basicUser and "
                + "basicPassword), or listen on " + LOOPBACK + " behind a reverse proxy (docs/admin.md, Security)");
    }

    /** @return these settings on another address */
    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, dataDir, limits, maxUploadBytes, fetchHosts, apiKey, basicUser,
                basicPassword, corsOrigins, echoProcess, users, registerFolders);
    }

    /** @return these settings on another port (tests take a free one with 0) */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, limits, maxUploadBytes, fetchHosts, apiKey, basicUser,
                basicPassword, corsOrigins, echoProcess, users, registerFolders);
    }

    /** @return these settings with the store elsewhere */
    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(host, port, newDataDir, limits, maxUploadBytes, fetchHosts, apiKey, basicUser,
                basicPassword, corsOrigins, echoProcess, users, registerFolders);
    }

    /**
     * Reads the settings file; relative paths in it are relative to the file's folder.
     *
     * @throws InvalidInputException (input {@code config}) naming an unknown key or a bad value
     */
    public static ServerConfig read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String key : p.stringPropertyNames()) {
            if (key.equals("remoteReferences")) {
                throw new InvalidInputException("config", file + ": remoteReferences is replaced by fetchHosts, the "
                        + "hosts whose URLs the server fetches (empty: none); see docs/admin.md");
            }
            if (!KEYS.contains(key)) {
                throw new InvalidInputException("config", file + ": unknown setting '" + key + "'; settings are "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        ServerConfig d = defaults(Path.of("geoprospect-data"));
        Path base = file.toAbsolutePath().getParent();
        JobLimits l = d.limits();
        JobLimits limits = new JobLimits(integer(p, file, "maxSync", l.maxSync()),
                integer(p, file, "maxAsync", l.maxAsync()), integer(p, file, "queue", l.queueLength()),
                Duration.ofMinutes(integer(p, file, "maxSyncMinutes", (int) l.maxSyncTime().toMinutes())),
                Duration.ofMinutes(integer(p, file, "maxAsyncMinutes", (int) l.maxAsyncTime().toMinutes())),
                Duration.ofDays(integer(p, file, "resultDays", (int) l.resultTtl().toDays())));
        FetchAllowList fetchHosts;
        try {
            fetchHosts = FetchAllowList.of(List.of(p.getProperty("fetchHosts", "").split(",")));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("config", file + ": fetchHosts: " + e.getMessage());
        }
        String host = blankToNull(p.getProperty("host"));
        return new ServerConfig(host == null ? d.host() : host, integer(p, file, "port", d.port()),
                base.resolve(p.getProperty("data", d.dataDir().toString())), limits,
                (long) integer(p, file, "maxUploadMegabytes", (int) (d.maxUploadBytes() >> 20)) << 20,
                fetchHosts, blankToNull(p.getProperty("apiKey")),
                blankToNull(p.getProperty("basicUser")), blankToNull(p.getProperty("basicPassword")),
                Set.of(p.getProperty("corsOrigins", "*").split("\\s*,\\s*")),
                Boolean.parseBoolean(p.getProperty("echoProcess", "false").strip()),
                list(p, "users").stream().map(u -> User.parse(file, u)).toList(),
                list(p, "registerFolders").stream().map(f -> base.resolve(f).normalize()).toList());
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key, "").split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .toList();
    }

    private static int integer(Properties p, Path file, String key, int fallback) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("config", file + ": " + key + " = '" + v + "' is not a whole number ≥ 0");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
