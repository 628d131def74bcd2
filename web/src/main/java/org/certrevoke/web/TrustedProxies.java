package org.certrevoke.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which client a request comes from when reverse proxies stand in front of the server. The client
 * writes whatever it likes into {@code X-Forwarded-For}; each proxy appends the address it was called
 * from. So the header is read only when the connection comes from a trusted proxy, from right to left,
 * and the first address that is not a trusted proxy is the client; everything to its left is the
 * client's own word. A malformed entry ends the walk at the last proxy passed. Addresses are literals
 * only: nothing here ever asks the DNS.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final int MAX_ENTRY = 64;

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * The proxies of {@code certrevoke.trusted-proxies}: addresses or CIDR ranges ({@code 10.0.0.0/8},
     * {@code 2001:db8::/32}), separated by commas or spaces.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies parse(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : (list == null ? "" : list).split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                ranges.add(Range.parse(entry));
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client of a request from {@code peer} (the connection's address) carrying these
     * {@code X-Forwarded-For} header values, in the order received.
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        Optional<InetAddress> hop = literal(peer);
        if (hop.isEmpty() || !trusted(hop.get())) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String entry : value.split(",")) {
                entries.add(entry.strip());
            }
        }
        Collections.reverse(entries);
        InetAddress client = hop.get();
        for (String entry : entries) {
            Optional<InetAddress> address = entryAddress(entry);
            if (address.isEmpty()) {
                break;
            }
            client = address.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /** An entry as proxies write them: an address, IPv4 with a port, IPv6 in brackets with or without one. */
    static Optional<InetAddress> entryAddress(String entry) {
        if (entry.length() > MAX_ENTRY) {
            return Optional.empty();
        }
        var withPort = IPV4_WITH_PORT.matcher(entry);
        if (withPort.matches()) {
            return literal(withPort.group(1));
        }
        var bracketed = BRACKETED_IPV6.matcher(entry);
        if (bracketed.matches()) {
            return literal(bracketed.group(1));
        }
        return literal(entry);
    }

    /** An IPv4 or IPv6 literal; anything else (host names included) is not an address here. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.length() > MAX_ENTRY) {
            return Optional.empty();
        }
        boolean v4 = IPV4.matcher(text).matches();
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        if (!v4 && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address and the number of leading bits a member shares with it. */
    private record Range(byte[] network, int bits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address.isEmpty()) {
                throw new IllegalArgumentException("certrevoke.trusted-proxies: not an address or CIDR range: " + entry);
            }
            byte[] network = address.get().getAddress();
            int bits = network.length * 8;
            if (slash >= 0) {
                String prefix = entry.substring(slash + 1);
                if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
                    throw new IllegalArgumentException("certrevoke.trusted-proxies: bad prefix length: " + entry);
                }
                bits = Integer.parseInt(prefix);
            }
            return new Range(network, bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
