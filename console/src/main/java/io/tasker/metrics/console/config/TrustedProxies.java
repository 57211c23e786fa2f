package io.tasker.metrics.console.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} the console believes ({@code console.trusted_proxies}):
 * addresses or CIDR blocks. A request from anywhere else is judged by its own address, whatever
 * the header says, since anyone can send one.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1");
 * proxies.client("10.1.2.3", "203.0.113.9, 10.1.2.4"); // 203.0.113.9
 * }</pre>
 *
 * @param blocks the trusted blocks
 */
public record TrustedProxies(List<Block> blocks) {
    public TrustedProxies {
        blocks = List.copyOf(blocks);
    }

    /**
     * An address block: the address's first {@code prefix} bits.
     *
     * @param network the address, as bytes
     * @param prefix how many leading bits must match
     */
    public record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Reads the setting: addresses or CIDR blocks, separated by commas or blanks.
     *
     * @param setting the setting, or null for none
     * @return the proxies
     * @throws IllegalArgumentException naming an entry that is no IP address or block
     */
    public static TrustedProxies parse(String setting) {
        List<Block> blocks = new ArrayList<>();
        if (setting != null) {
            for (String entry : Arrays.stream(setting.split("[,\\s]+"))
                    .filter(s -> !s.isEmpty())
                    .toList()) {
                blocks.add(block(entry));
            }
        }
        return new TrustedProxies(blocks);
    }

    /**
     * The client a request comes from: its peer, or, when the peer is a trusted proxy, the
     * nearest address in {@code X-Forwarded-For} that is not one (proxies append on the right).
     *
     * @param peer the address the connection comes from
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     * @return the client's address
     */
    public String client(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!literal(hop) || !trusted(hop)) {
                return hop.isEmpty() ? peer : hop;
            }
        }
        return hops[0].trim();
    }

    private boolean trusted(String address) {
        byte[] bytes = bytes(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = bytes(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException(
                    "console.trusted_proxies: '" + entry + "' is not an IP address or a " + "block such as 10.0.0.0/8");
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException(
                        "console.trusted_proxies: '" + entry + "' has no valid prefix length");
            }
        }
        return new Block(network, prefix);
    }

    /** An IP literal's bytes, or null for anything else (never a DNS lookup). */
    private static byte[] bytes(String text) {
        if (!literal(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text.startsWith("[") ? text.substring(1, text.length() - 1) : text)
                    .getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean literal(String text) {
        return !text.isEmpty()
                && (text.matches("[0-9.]+") || text.matches("\\[?[0-9A-Fa-f:.]+(%\\w+)?]?") && text.contains(":"));
    }
}
