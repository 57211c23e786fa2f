package io.tasker.metrics.store.memcached;

import io.tasker.metrics.store.CacheStores;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code memcached://host:port[,host2:port2]} URL. Parsed by hand because
 * {@link java.net.URI} cannot hold a list of servers. Memcached has no passwords in its URL
 * (xmemcached's SASL needs the binary protocol, which this store does not use), so the URL is
 * safe to print as given.
 *
 * <p>{@code MemcachedUrl url = MemcachedUrl.parse("memcached://10.0.0.1:11211,10.0.0.2:11211");}
 *
 * @param url the URL as given, for messages
 * @param servers one address per server, in the order given
 */
record MemcachedUrl(String url, List<InetSocketAddress> servers) {

    static final int DEFAULT_PORT = 11211;
    static final String EXAMPLE = "memcached://127.0.0.1:11211 or memcached://10.0.0.1:11211,10.0.0.2:11211";
    private static final String SCHEME = "memcached://";

    MemcachedUrl {
        servers = List.copyOf(servers);
    }

    @Override
    public String toString() {
        return url;
    }

    /**
     * Parses the URL; a host without a port gets memcached's default port 11211.
     *
     * @throws IllegalArgumentException naming what is wrong, with an example of a right URL
     */
    static MemcachedUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("(empty)", "it is empty");
        }
        if (!url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw invalid(url, "the scheme must be memcached://");
        }
        String hosts = url.substring(SCHEME.length());
        if (hosts.isEmpty()) {
            throw invalid(url, "no host is given");
        }
        if (hosts.matches(".*[/?#@\\s].*")) {
            throw invalid(
                    url,
                    "only host:port pairs separated by commas may follow memcached://"
                            + " (no user, path, query or spaces)");
        }
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String hostPort : hosts.split(",", -1)) {
            servers.add(server(url, hostPort));
        }
        return new MemcachedUrl(url, servers);
    }

    private static InetSocketAddress server(String url, String hostPort) {
        if (hostPort.isEmpty()) {
            throw invalid(url, "a host in the list is empty");
        }
        // An IPv6 literal keeps its colons inside brackets: [::1]:11211.
        int close = hostPort.startsWith("[") ? hostPort.indexOf(']') : -1;
        int colon = hostPort.indexOf(':', Math.max(close, 0));
        if (hostPort.startsWith("[") && close < 0) {
            throw invalid(url, "the IPv6 address " + hostPort + " lacks its closing ]");
        }
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        host = close < 0 ? host : host.substring(1, close);
        if (host.isEmpty()) {
            throw invalid(url, "a host in the list is empty");
        }
        int port = colon < 0 ? DEFAULT_PORT : port(url, hostPort.substring(colon + 1));
        return new InetSocketAddress(host, port);
    }

    private static int port(String url, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as an out-of-range port.
        }
        throw invalid(url, "the port '" + text + "' is not a number from 1 to 65535");
    }

    private static IllegalArgumentException invalid(String url, String what) {
        // Memcached URLs take no user info, but one given by mistake may hold a password.
        return new IllegalArgumentException("Invalid Memcached URL " + CacheStores.maskPassword(url) + ": " + what
                + ". Expected a URL like " + EXAMPLE);
    }
}
