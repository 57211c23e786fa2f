package io.tasker.metrics.store.redis;

import io.tasker.metrics.store.CacheStores;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code redis://}, {@code rediss://} or {@code redis-cluster://} URL. Parsed by hand
 * because {@link java.net.URI} cannot hold a cluster's list of hosts.
 *
 * <p>{@code RedisUrl url = RedisUrl.parse("redis://app:s3cret@127.0.0.1:6379/2");}
 *
 * @param masked the URL as given with the password replaced by {@code ***}, safe for messages
 * @param nodes one host for a single server, the seed nodes for a cluster
 * @param user the ACL user, or null for the default user
 * @param password the password, or null when none is given
 */
record RedisUrl(String masked, Kind kind, List<Node> nodes, String user, String password, int database) {

    static final int DEFAULT_PORT = 6379;

    enum Kind {
        PLAIN("redis"),
        TLS("rediss"),
        CLUSTER("redis-cluster");

        private final String scheme;

        Kind(String scheme) {
            this.scheme = scheme;
        }

        /** An example of a right URL of this kind, for error messages. */
        String example() {
            return this == CLUSTER
                    ? "redis-cluster://user:password@10.0.0.1:6379,10.0.0.2:6379"
                    : scheme + "://user:password@host:6379/0";
        }
    }

    record Node(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    RedisUrl {
        nodes = List.copyOf(nodes);
    }

    // The password never reaches toString, which records would otherwise print.
    @Override
    public String toString() {
        return masked;
    }

    boolean cluster() {
        return kind == Kind.CLUSTER;
    }

    boolean tls() {
        return kind == Kind.TLS;
    }

    /**
     * Parses {@code redis://[user[:password]@]host[:port][/db]}, {@code rediss://...} (TLS) or
     * {@code redis-cluster://[user[:password]@]h1:p1,h2:p2,...}; user and password are URL-decoded.
     *
     * @throws IllegalArgumentException naming what is wrong, with an example of a right URL
     */
    static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("(empty)", "it is empty", Kind.PLAIN);
        }
        String masked = CacheStores.maskPassword(url);
        int schemeEnd = url.indexOf("://");
        Kind kind = schemeEnd < 0 ? null : kind(url.substring(0, schemeEnd));
        if (kind == null) {
            throw invalid(masked, "the scheme must be redis://, rediss:// or redis-cluster://", Kind.PLAIN);
        }
        return new Parser(url.substring(schemeEnd + 3), masked, kind).parse();
    }

    private static Kind kind(String scheme) {
        for (Kind k : Kind.values()) {
            if (k.scheme.equalsIgnoreCase(scheme)) {
                return k;
            }
        }
        return null;
    }

    private static IllegalArgumentException invalid(String masked, String what, Kind kind) {
        return new IllegalArgumentException(
                "Invalid Redis URL " + masked + ": " + what + ". Expected a URL like " + kind.example());
    }

    /** One parse, keeping the masked URL and kind at hand for the error messages. */
    private record Parser(String rest, String masked, Kind kind) {

        RedisUrl parse() {
            if (rest.contains("?") || rest.contains("#")) {
                fail("query parameters and fragments are not supported");
            }
            int at = rest.lastIndexOf('@');
            String userInfo = at < 0 ? null : rest.substring(0, at);
            String address = rest.substring(at + 1);
            int slash = address.indexOf('/');
            String hosts = slash < 0 ? address : address.substring(0, slash);
            int database = slash < 0 ? 0 : database(address.substring(slash + 1));
            String user = userInfo == null ? null : decode(before(userInfo, ':'));
            String password = userInfo == null
                    ? null
                    : after(userInfo, ':').map(this::decode).orElse(null);
            return new RedisUrl(masked, kind, nodes(hosts), emptyToNull(user), emptyToNull(password), database);
        }

        private List<Node> nodes(String hosts) {
            if (hosts.isEmpty()) {
                fail("no host is given");
            }
            List<Node> nodes = new ArrayList<>();
            for (String hostPort : hosts.split(",", -1)) {
                nodes.add(node(hostPort.trim()));
            }
            if (nodes.size() > 1 && kind != Kind.CLUSTER) {
                fail("several hosts need the redis-cluster:// scheme");
            }
            return nodes;
        }

        private Node node(String hostPort) {
            if (hostPort.isEmpty()) {
                fail("a host in the list is empty");
            }
            String host = hostPort;
            String port = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0) {
                    fail("the IPv6 address " + hostPort + " lacks its closing ]");
                }
                host = hostPort.substring(1, close);
                port = hostPort.length() > close + 1 && hostPort.charAt(close + 1) == ':'
                        ? hostPort.substring(close + 2)
                        : null;
            } else if (hostPort.indexOf(':') >= 0) {
                host = hostPort.substring(0, hostPort.indexOf(':'));
                port = hostPort.substring(hostPort.indexOf(':') + 1);
            }
            if (host.isEmpty()) {
                fail("a host name is empty in " + hostPort);
            }
            return new Node(host, port == null ? DEFAULT_PORT : port(port));
        }

        private int port(String text) {
            int port = number(text, "the port");
            if (port < 1 || port > 65_535) {
                fail("the port " + text + " is not between 1 and 65535");
            }
            return port;
        }

        private int database(String text) {
            if (text.isEmpty()) {
                return 0;
            }
            int db = number(text, "the database number");
            if (kind == Kind.CLUSTER && db != 0) {
                fail("a cluster has no database number, remove /" + text);
            }
            return db;
        }

        private int number(String text, String what) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Reported below with the URL and an example.
            }
            fail(what + " '" + text + "' is not a non-negative number");
            return -1;
        }

        private String decode(String text) {
            try {
                return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                fail("the user or password is not properly URL-encoded");
                return null;
            }
        }

        private void fail(String what) {
            throw invalid(masked, what, kind);
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }

        private static String before(String s, char c) {
            int i = s.indexOf(c);
            return i < 0 ? s : s.substring(0, i);
        }

        private static Optional<String> after(String s, char c) {
            int i = s.indexOf(c);
            return i < 0 ? Optional.empty() : Optional.of(s.substring(i + 1));
        }
    }
}
