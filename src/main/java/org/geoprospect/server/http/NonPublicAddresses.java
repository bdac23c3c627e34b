package org.geoprospect.server.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The IP addresses a server must not reach on a user's word, because they lead into its own machine or network
 * rather than to the Internet: the blocks of the IANA special-purpose address registries (RFC 6890) that are
 * loopback, private, link-local, shared (carrier-grade NAT), unspecified, multicast or reserved, for IPv4 and IPv6.
 * IPv6 addresses that carry an IPv4 one (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the
 * IPv4 address inside; IPv4-mapped ones ({@code ::ffff:0:0/96}) Java already gives as IPv4 addresses.
 */
final class NonPublicAddresses {
    private record Block(AddressRange range, String kind) {
        Block(String cidr, String kind) {
            this(AddressRange.parse(cidr), kind);
        }
    }

    private static final List<Block> BLOCKS = List.of(
            new Block("0.0.0.0/8", "'this network'"),
            new Block("10.0.0.0/8", "private"),
            new Block("100.64.0.0/10", "shared (carrier-grade NAT)"),
            new Block("127.0.0.0/8", "loopback"),
            new Block("169.254.0.0/16", "link-local"),
            new Block("172.16.0.0/12", "private"),
            new Block("192.0.0.0/24", "IETF protocol"),
            new Block("192.168.0.0/16", "private"),
            new Block("198.18.0.0/15", "benchmarking"),
            new Block("224.0.0.0/4", "multicast"),
            new Block("240.0.0.0/4", "reserved"),
            new Block("::1/128", "loopback"),
            new Block("::/128", "unspecified"),
            new Block("::/96", "IPv4-compatible (deprecated)"),
            new Block("100::/64", "discard-only"),
            new Block("fc00::/7", "unique local (private)"),
            new Block("fe80::/10", "link-local"),
            new Block("fec0::/10", "site-local (private)"),
            new Block("ff00::/8", "multicast"));
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private NonPublicAddresses() {
    }

    /** @return what kind of non-public address this is ("loopback", "private", …), or empty for a public one */
    static Optional<String> kind(InetAddress address) {
        Optional<InetAddress> inner = embeddedIpv4(address);
        if (inner.isPresent()) {
            return kind(inner.get());
        }
        return BLOCKS.stream().filter(b -> b.range().contains(address)).map(Block::kind).findFirst();
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] a = address.getAddress();
        int from = NAT64.contains(address) ? 12 : SIX_TO_FOUR.contains(address) ? 2 : -1;
        if (from < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(a, from, from + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
