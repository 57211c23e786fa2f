package io.tasker.metrics.store;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

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

    /** The stores inside this process, which need no backend. */
    private static final java.util.Set<String> IN_PROCESS = java.util.Set.of("memory", "null");
    private static final Map<String, StoreProvider> PROVIDERS = loadProviders();

    private CacheStores() {
    }

    /**
     * @param timeout connect and operation timeout of network stores
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
        if (p == null) {
            throw new IllegalArgumentException("Unknown cache URL scheme '" + scheme + "' in " + maskPassword(url)
                    + "; use one of " + SCHEMES);
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
     * @throws IllegalArgumentException naming what is wrong (password masked) and a right example
     */
    public static void check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No cache URL given; set TASKER_CACHE_URL or cache.url to one of " + SCHEMES);
        }
        String scheme = scheme(url);
        if (!IN_PROCESS.contains(scheme)) {
            provider(scheme, url).check(url);
        }
    }

    /** The URL with the password of its user-info part replaced by {@code ***}. */
    public static String maskPassword(String url) {
        return url == null ? null : url.replaceAll("(://[^:/@,]*:)[^@/]*@", "$1***@");
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Cache URL '" + maskPassword(url) + "' has no scheme; use one of " + SCHEMES);
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
