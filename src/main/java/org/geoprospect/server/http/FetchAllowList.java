package org.geoprospect.server.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts whose URLs the server fetches when an input references them (the setting {@code fetchHosts}): host
 * names ({@code data.example.org}), their subdomains ({@code *.example.org}), IP addresses and CIDR ranges
 * ({@code 10.1.0.0/16}), or {@code *} for any host. Empty, the default, fetches nothing.
 * <p>
 * A URL is fetched when its host is on the list and every address the host resolves to is public or lies in an
 * address or range on the list: loopback, private, link-local and the other {@link NonPublicAddresses} are reached
 * only when listed as addresses, never through a name or {@code *}, so that neither a user's URL nor a name that
 * resolves inside the network leads the server to its own machine or network. Immutable and thread-safe.
 */
public final class FetchAllowList {
    /** Fetches nothing. */
    public static final FetchAllowList NONE = new FetchAllowList(List.of(), List.of(), List.of(), false);

    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /** Host names to addresses: DNS, or a fixed table in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> entries;
    private final List<String> names;
    private final List<AddressRange> ranges;
    private final boolean anyHost;

    private FetchAllowList(List<String> entries, List<String> names, List<AddressRange> ranges, boolean anyHost) {
        this.entries = entries;
        this.names = names;
        this.ranges = ranges;
        this.anyHost = anyHost;
    }

    /**
     * @param entries host names, {@code *.}domain, IP addresses, CIDR ranges, or {@code *}
     * @throws IllegalArgumentException naming an entry that is none of these
     */
    public static FetchAllowList of(Collection<String> entries) {
        List<String> kept = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<AddressRange> ranges = new ArrayList<>();
        boolean anyHost = false;
        for (String raw : entries) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            kept.add(e);
            if (e.equals("*")) {
                anyHost = true;
            } else if (AddressRange.literal(e.split("/", 2)[0]).isPresent()) {
                ranges.add(AddressRange.parse(e));
            } else if (NAME.matcher(e.startsWith("*.") ? e.substring(2) : e).matches()) {
                names.add(e);
            } else {
                throw new IllegalArgumentException("'" + raw.strip() + "' is not a host name, *.domain, IP address, "
                        + "CIDR range or *");
            }
        }
        return kept.isEmpty() ? NONE : new FetchAllowList(List.copyOf(kept), List.copyOf(names),
                List.copyOf(ranges), anyHost);
    }

    /** @return the entries as the setting gave them, in lower case */
    public List<String> entries() {
        return entries;
    }

    /**
     * Asks DNS for a host name: call it just before connecting, so that the addresses judged are those the JVM's
     * DNS cache then gives the connection.
     *
     * @return why the server must not fetch this http(s) URL, or empty when it may
     */
    public Optional<String> refusal(URI uri) {
        return refusal(uri, InetAddress::getAllByName);
    }

    Optional<String> refusal(URI uri, Resolver dns) {
        if (entries.isEmpty()) {
            return Optional.of("this server fetches no URLs (its setting fetchHosts is empty)");
        }
        if (uri.getHost() == null) {
            return Optional.of("the URL names no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        Optional<InetAddress> literal = AddressRange.literal(host);
        if (!anyHost && !(literal.isPresent() ? inRanges(literal.get()) : names.stream().anyMatch(n -> n.equals(host)
                || n.startsWith("*.") && host.endsWith(n.substring(1))))) {
            return Optional.of("host " + host + " is not on this server's fetch allow-list (setting fetchHosts)");
        }
        InetAddress[] addresses;
        try {
            addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : dns.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " is unknown");
        }
        for (InetAddress a : addresses) {
            Optional<String> kind = NonPublicAddresses.kind(a);
            if (kind.isPresent() && !inRanges(a)) {
                return Optional.of((literal.isPresent() ? host + " is" : host + " resolves to " + a.getHostAddress()
                        + ",") + " a " + kind.get() + " address, which this server fetches from only when its "
                        + "setting fetchHosts lists that address or its range");
            }
        }
        return Optional.empty();
    }

    private boolean inRanges(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }
}
