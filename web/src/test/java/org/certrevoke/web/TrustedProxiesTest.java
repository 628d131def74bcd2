package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final TrustedProxies LOCAL = TrustedProxies.parse("127.0.0.1");
    private static final TrustedProxies TWO_TIERS = TrustedProxies.parse("10.0.0.0/8, 192.168.1.10 2001:db8::/32");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        TrustedProxies none = TrustedProxies.parse("");
        assertTrue(none.isEmpty());
        assertEquals("127.0.0.1", none.clientOf("127.0.0.1", List.of("203.0.113.7")));
        assertEquals("198.51.100.2", LOCAL.clientOf("198.51.100.2", List.of("203.0.113.7")),
                "a header from a client that is not a proxy is the client's own word");
    }

    @Test
    void theClientIsTheRightmostEntryThatIsNotATrustedProxy() {
        assertEquals("203.0.113.7", LOCAL.clientOf("127.0.0.1", List.of("1.2.3.4, 203.0.113.7")),
                "the leftmost entry is what the client wrote");
        assertEquals("203.0.113.7", TWO_TIERS.clientOf("10.1.2.3", List.of("6.6.6.6, 203.0.113.7, 192.168.1.10, 10.9.9.9")));
        assertEquals("203.0.113.7", TWO_TIERS.clientOf("10.1.2.3", List.of("6.6.6.6", "203.0.113.7, 192.168.1.10")),
                "several header lines read as one list, in order");
        assertEquals("10.0.0.1", TWO_TIERS.clientOf("10.1.2.3", List.of("10.0.0.1")),
                "only proxies: the farthest one");
        assertEquals("127.0.0.1", LOCAL.clientOf("127.0.0.1", List.of()), "no header: the proxy itself");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstoodAndNormalised() {
        assertEquals("203.0.113.7", LOCAL.clientOf("127.0.0.1", List.of("203.0.113.7:51234")));
        assertEquals("2001:db9:0:0:0:0:0:1", TWO_TIERS.clientOf("2001:db8::5", List.of("[2001:DB9::1]:443")));
        assertEquals("2001:db9:0:0:0:0:0:1", TWO_TIERS.clientOf("2001:db8::5", List.of("2001:db9::1")));
        assertEquals("2001:db9:0:0:0:0:0:1", TWO_TIERS.clientOf("2001:db8::5", List.of("[2001:db9::1], 2001:db8:ffff::2")));
        assertEquals("203.0.113.7", TWO_TIERS.clientOf("2001:db8::5", List.of("::ffff:203.0.113.7")),
                "an IPv4-mapped address counts as the IPv4 address");
        assertEquals("0:0:0:0:0:0:0:1", TrustedProxies.parse("::1").clientOf("0:0:0:0:0:0:0:1", List.of("::1")));
    }

    @Test
    void aMalformedEntryEndsTheWalkAtTheLastProxyPassed() {
        for (String entry : List.of("unknown", "example.com", "", "999.1.1.1", "1.2.3", "[::1", "1.2.3.4:abc",
                "fe80::1%eth0", "2001:db8::1::2", "<script>", "1".repeat(100), "_hidden", "::1\r\nX: y")) {
            assertEquals("10.9.9.9", TWO_TIERS.clientOf("10.1.2.3", List.of("203.0.113.7, " + entry + ", 10.9.9.9")), entry);
        }
        assertEquals("10.1.2.3", TWO_TIERS.clientOf("10.1.2.3", List.of("example.com")), "nothing usable: the peer");
    }

    @Test
    void aConfiguredEntryThatIsNoAddressIsRefusedByName() {
        for (String bad : List.of("proxy.example", "10.0.0.0/33", "10.0.0.0/", "::1/129", "10.0.0.0/-1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(bad));
            assertTrue(refused.getMessage().contains(bad), refused.getMessage());
        }
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        TrustedProxies range = TrustedProxies.parse("172.16.0.0/12");
        assertEquals("203.0.113.7", range.clientOf("172.31.255.255", List.of("203.0.113.7")));
        assertEquals("172.32.0.1", range.clientOf("172.32.0.1", List.of("203.0.113.7")), "just outside the range");
        assertEquals("::1", TrustedProxies.parse("0.0.0.0/0").clientOf("::1", List.of("203.0.113.7")),
                "an IPv4 range never holds an IPv6 peer");
    }
}
