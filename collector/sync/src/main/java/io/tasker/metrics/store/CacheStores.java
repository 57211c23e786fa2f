package io.tasker.metrics.store;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the store a URL names ({@code TASKER_CACHE_URL} or {@code cache.url}):
 *
 * <pre>
 * redis://[user:password@]host:port[/db]     Redis (also rediss:// for TLS)
 * redis-cluster://[user:password@]h1:p1,h2:p2 Redis Cluster
 * memcached://host:port[,host2:port2]        Memcached
 * file:///var/lib/tasker-metrics             a directory on this host
 * memory:                                    this process's memory
 * null:                                      nothing: sync turned off
 * </pre>
 *
 * <pre>{@code
 * CacheStore store = CacheStores.open("redis://127.0.0.1:6379/0", Duration.ofSeconds(2), Clock.SYSTEM);
 * }</pre>
 */
public final class CacheStores {
    /** The schemes {@link #open} takes, for error messages and docs. */
    public static final String SCHEMES = "redis://, rediss://, redis-cluster://, memcached://, file://, memory:, null:";

    private static final String MASK = "***";
    private static final Pattern SCHEME_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    /** The stores inside this process, which need no backend. */
    private static final Set<String> IN_PROCESS = Set.of("memory", "null");

    private static final Map<String, StoreProvider> PROVIDERS = loadProviders();
    /** The artifact that brings each networked scheme's {@link StoreProvider}. */
    private static final Map<String, String> ARTIFACTS = Map.of(
            "redis",
            "tasker-metrics-store-redis",
            "rediss",
            "tasker-metrics-store-redis",
            "redis-cluster",
            "tasker-metrics-store-redis",
            "memcached",
            "tasker-metrics-store-memcached");

    private CacheStores() {}

    /**
     * Opens the store a URL names: {@code memory:} and {@code null:} in this process, any other
     * scheme through the {@link StoreProvider} on the class path that takes it.
     *
     * @param url the store's URL, one of {@link #SCHEMES}
     * @param timeout connect and operation timeout of network stores
     * @param clock the time source, for stores that keep expiry themselves (memory, file)
     * @return the open store
     * @throws IllegalArgumentException for a URL that is malformed or of an unknown scheme,
     *     naming it (password masked) and the schemes that work
     */
    public static CacheStore open(String url, Duration timeout, Clock clock) {
        check(url);
        return switch (scheme(url)) {
            case "memory" -> new MemoryStore(clock);
            case "null" -> new NullStore();
            default -> provider(scheme(url), url).open(url, timeout, clock);
        };
    }

    private static StoreProvider provider(String scheme, String url) {
        StoreProvider p = PROVIDERS.get(scheme);
        if (p == null && ARTIFACTS.containsKey(scheme)) {
            // A known store whose artifact is not on the class path: say which one to add.
            throw new IllegalArgumentException(maskPassword(url) + " needs io.tasker.metrics:" + ARTIFACTS.get(scheme)
                    + " on the class path (add it beside tasker-metrics-runtime; the BOM gives its version)");
        }
        if (p == null) {
            throw new IllegalArgumentException(
                    "Unknown cache URL scheme '" + scheme + "' in " + maskPassword(url) + "; use one of " + SCHEMES);
        }
        return p;
    }

    private static Map<String, StoreProvider> loadProviders() {
        Map<String, StoreProvider> byScheme = new HashMap<>();
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, CacheStores.class.getClassLoader())) {
            p.schemes().forEach(s -> byScheme.put(s, p));
        }
        return Map.copyOf(byScheme);
    }

    /**
     * Checks a URL as {@link #open} would read it, without connecting: the store's own parser
     * judges it, so the configuration and the store can never disagree about a URL.
     *
     * @param url the store's URL
     * @throws IllegalArgumentException naming what is wrong (password masked) and a right example
     */
    public static void check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "No cache URL given; set TASKER_CACHE_URL or cache.url to one of " + SCHEMES);
        }
        String scheme = scheme(url);
        if (!IN_PROCESS.contains(scheme)) {
            provider(scheme, url).check(url);
        }
    }

    /**
     * The URL with the password of its user-info part replaced by {@code ***}, found as the parsers
     * find it: the user info runs from the scheme to the last {@code @}, so a password holding
     * {@code /}, {@code @} or {@code :} is masked whole, and so is one after a mistyped scheme
     * ({@code redis//:pw@host}). User info without a {@code :} is a user alone and stays, as the
     * Redis parser reads it. {@code file:} URLs have no user info and print as given.
     *
     * <pre>{@code
     * CacheStores.maskPassword("redis://app:a/b@c@cache:6379/0"); // redis://app:***@cache:6379/0
     * }</pre>
     *
     * @param url a store URL, or null
     * @return the URL with its password masked; null for null
     */
    public static String maskPassword(String url) {
        if (url == null || url.regionMatches(true, 0, "file:", 0, 5)) {
            return url;
        }
        // Without a scheme and "://" in front the scheme cannot be told from a user; the first ':' may be the
        // password's.
        Matcher scheme = SCHEME_PREFIX.matcher(url);
        int start = scheme.lookingAt() ? scheme.end() : 0;
        int at = url.lastIndexOf('@');
        if (at < start) {
            return url;
        }
        int userEnd = url.indexOf(':', start);
        if (userEnd < 0 || userEnd > at) {
            return url;
        }
        return url.substring(0, userEnd + 1) + MASK + url.substring(at);
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "Cache URL '" + maskPassword(url) + "' has no scheme; use one of " + SCHEMES);
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
