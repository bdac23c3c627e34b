package org.geoprospect.server.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which URLs the server may fetch: hosts on the list, and only public addresses unless listed as addresses. */
class FetchAllowListTest {
    /** A DNS of its own, so that names resolve the same everywhere, with no network. */
    private static final Map<String, List<String>> DNS = Map.of(
            "data.example.org", List.of("93.184.216.34"),
            "split.example.org", List.of("93.184.216.34", "10.0.0.5"),
            "files.intranet", List.of("10.1.2.3"),
            "metadata.example.org", List.of("169.254.169.254"));

    private static Optional<String> refusal(String list, String url) {
        return FetchAllowList.of(List.of(list.split(","))).refusal(URI.create(url), host -> {
            List<String> addresses = DNS.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.stream().map(a -> AddressRange.literal(a).orElseThrow()).toArray(InetAddress[]::new);
        });
    }

    private static void assertRefused(String list, String url, String why) {
        Optional<String> r = refusal(list, url);
        assertTrue(r.isPresent() && r.get().contains(why), url + " with fetchHosts = " + list + ": " + r);
    }

    @Test
    void nothingIsFetchedByDefault() {
        assertSame(FetchAllowList.NONE, FetchAllowList.of(List.of(" ", "")));
        assertRefused("", "http://93.184.216.34/samples.csv", "fetchHosts is empty");
        assertRefused("", "http://data.example.org/samples.csv", "fetchHosts is empty");
    }

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefusedEvenForAnyHost() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("http://127.0.0.1:8080/layers/x", "127.0.0.1 is a loopback address"),
                Map.entry("http://127.9.9.9/", "loopback"),
                Map.entry("http://10.1.2.3/x.csv", "10.1.2.3 is a private address"),
                Map.entry("http://172.16.5.4/", "private"),
                Map.entry("http://192.168.0.1/", "private"),
                Map.entry("http://169.254.169.254/latest/meta-data/", "link-local"),
                Map.entry("http://100.64.0.1/", "carrier-grade NAT"),
                Map.entry("http://0.0.0.0:8080/", "'this network'"),
                Map.entry("http://[::1]:8080/", "loopback"),
                Map.entry("http://[::]/", "unspecified"),
                Map.entry("http://[fd00::2]/", "unique local"),
                Map.entry("http://[fe80::1]/", "link-local"),
                Map.entry("http://[::ffff:10.0.0.1]/", "private"),
                Map.entry("http://[64:ff9b::a9fe:a9fe]/", "link-local"),
                Map.entry("http://[2002:7f00:1::]/", "loopback"),
                Map.entry("https://metadata.example.org/", "resolves to 169.254.169.254, a link-local address"),
                Map.entry("http://split.example.org/", "resolves to 10.0.0.5, a private address"));
        refused.forEach((url, why) -> assertRefused("*", url, why));
        for (String url : List.of("http://93.184.216.34/a.csv", "https://[2606:4700:4700::1111]/a.csv",
                "http://data.example.org:8080/a.csv")) {
            assertEquals(Optional.empty(), refusal("*", url), url);
        }
    }

    @Test
    void onlyHostsOnTheListAreFetched() {
        String list = "data.example.org, *.example.org";
        assertEquals(Optional.empty(), refusal(list, "http://data.example.org/a.csv"));
        assertEquals(Optional.empty(), refusal(list, "http://DATA.example.org./a.csv"));
        assertRefused(list, "http://example.org/a.csv", "host example.org is not on this server's fetch allow-list");
        assertRefused(list, "http://example.com/a.csv", "not on");
        assertRefused(list, "http://93.184.216.34/a.csv", "not on");
        assertRefused(list, "http://nowhere.example.org/a.csv", "host nowhere.example.org is unknown");
        // on the list by name, yet inside the network: the name does not make its address public
        assertRefused(list, "http://metadata.example.org/", "link-local");
    }

    @Test
    void nonPublicAddressesAreFetchedWhenListedAsAddresses() {
        String list = "127.0.0.1, 10.1.0.0/16, ::1, files.intranet";
        assertEquals(Optional.empty(), refusal(list, "http://127.0.0.1:8080/a.csv"));
        assertEquals(Optional.empty(), refusal(list, "http://10.1.200.7/a.csv"));
        assertEquals(Optional.empty(), refusal(list, "http://[::1]:8080/a.csv"));
        assertEquals(Optional.empty(), refusal(list, "http://files.intranet/a.csv"));
        assertRefused(list, "http://127.0.0.2/", "not on");
        assertRefused(list, "http://10.2.0.1/", "not on");
        assertRefused("files.intranet", "http://files.intranet/a.csv", "resolves to 10.1.2.3, a private address");
    }

    @Test
    void localhostIsLoopbackWhateverTheListSays() {
        Optional<String> r = FetchAllowList.of(List.of("localhost")).refusal(URI.create("http://localhost:8080/"));
        assertTrue(r.isPresent() && r.get().contains("a loopback address"), r.toString());
    }

    @Test
    void anEntryThatIsNoHostOrRangeIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FetchAllowList.of(List.of("10.0.0.0/33")))
                .getMessage().contains("'10.0.0.0/33': the prefix length must be 0 to 32"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FetchAllowList.of(List.of("http://x.org/")))
                .getMessage().contains("'http://x.org/' is not a host name"));
    }
}
