package io.tasker.metrics.console.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host names the console answers to, judged from the {@code Host} header: the guard against
 * DNS rebinding, where a page on another domain re-points its name at 127.0.0.1 and then reads
 * the console as if it were its own origin.
 *
 * <p>A rebinding page always reaches the console by a name of its own, so an IP address in the
 * header is always accepted (probes and port-forwards send those), and so is {@code localhost}.
 * Any other name must be listed in {@code console.allowed_hosts}; {@code *} accepts every name.
 *
 * <pre>{@code
 * AllowedHosts hosts = AllowedHosts.parse("console.example.com");
 * hosts.allows("console.example.com:7070"); // true
 * hosts.allows("evil.example:7070");        // false
 * }</pre>
 *
 * @param names the names accepted besides IP addresses and localhost, in lower case
 * @param any whether every name is accepted
 */
public record AllowedHosts(Set<String> names, boolean any) {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost");

    public AllowedHosts {
        names = Set.copyOf(names);
    }

    /**
     * Reads {@code console.allowed_hosts}: names separated by commas or blanks, {@code *} for any.
     *
     * @throws IllegalArgumentException naming an entry that is not a host name
     */
    public static AllowedHosts parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return new AllowedHosts(Set.of(), false);
        }
        Set<String> names = Arrays.stream(setting.split("[,\\s]+"))
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String n : names) {
            if (!n.equals("*") && !n.matches("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?")) {
                throw new IllegalArgumentException("console.allowed_hosts: '" + n + "' is not a host name; list names "
                        + "such as console.example.com, separated by commas, without scheme or port (or * for any)");
            }
        }
        return new AllowedHosts(names, names.contains("*"));
    }

    /** Whether a request with this {@code Host} header (port included or not) may be answered. */
    public boolean allows(String hostHeader) {
        if (any || hostHeader == null) {
            return true;
        }
        String host = hostOf(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return ipLiteral(host) || LOOPBACK_NAMES.contains(host) || names.contains(host);
    }

    private static String hostOf(String header) {
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end < 0 ? header : header.substring(0, end + 1);
        }
        int colon = header.lastIndexOf(':');
        return colon < 0 ? header : header.substring(0, colon);
    }

    private static boolean ipLiteral(String host) {
        return host.matches("\\[[0-9a-f:.]+]") || host.matches("(\\d{1,3}\\.){3}\\d{1,3}");
    }
}
