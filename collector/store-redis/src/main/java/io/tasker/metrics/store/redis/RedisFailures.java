package io.tasker.metrics.store.redis;

import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.store.StoreUnreachableException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns Jedis exceptions into {@link StoreException}s that name the store (password masked), the
 * operation, and for refused credentials what to change.
 *
 * <p>Jedis keeps the telling part of a failure ("Connection refused", each seed node's error) in
 * suppressed exceptions as often as in causes, so both are searched and quoted.
 *
 * <p>{@code throw RedisFailures.wrap(url, "get(tasker:a)", e);}
 */
final class RedisFailures {

    /** Enough for any chain Jedis builds; a bound in case a chain loops. */
    private static final int MAX_CHAIN = 16;

    private RedisFailures() {}

    static StoreException wrap(RedisUrl url, String operation, JedisException e) {
        String reason = reason(e);
        if (isAuthentication(e)) {
            return new StoreException(
                    "Redis authentication failed for " + url + " (" + operation + "): "
                            + reason + ". Set the user and password in TASKER_CACHE_URL as "
                            + credentialsExample(url) + " (URL-encode special characters).",
                    e);
        }
        // NOPERM for a command; inside a script the server says it in words.
        if (has(e, "NOPERM") || has(e, "CAN'T RUN THIS COMMAND")) {
            return new StoreException(
                    "Redis at " + url + " refused " + operation + ": " + reason
                            + ". Grant the user these commands with ACL SETUSER.",
                    e);
        }
        if (isConnection(e)) {
            return new StoreUnreachableException(
                    "Redis at " + url + " cannot be reached (" + operation + "): " + reason, e);
        }
        return new StoreException("Redis at " + url + " failed " + operation + ": " + reason, e);
    }

    /** Whether the connection itself failed, so that idle pooled connections are suspect too. */
    static boolean isConnection(Throwable e) {
        return chain(e).stream().anyMatch(JedisConnectionException.class::isInstance);
    }

    /** Whether a reply did not come within the socket timeout (the server may still be working on it). */
    static boolean isTimeout(Throwable e) {
        return chain(e).stream().anyMatch(SocketTimeoutException.class::isInstance);
    }

    private static boolean isAuthentication(Throwable e) {
        return has(e, "WRONGPASS")
                || has(e, "NOAUTH")
                || has(e, "INVALID PASSWORD")
                || has(e, "WITHOUT ANY PASSWORD CONFIGURED")
                || has(e, "INVALID USERNAME-PASSWORD");
    }

    private static String credentialsExample(RedisUrl url) {
        return switch (url.kind()) {
            case CLUSTER -> "redis-cluster://user:password@host1:port1,host2:port2";
            case TLS -> "rediss://user:password@host:port/db";
            case PLAIN -> "redis://user:password@host:port/db";
        };
    }

    /** Every distinct message along the chain, e.g. "Failed to connect to 127.0.0.1:1: Connection refused". */
    private static String reason(Throwable e) {
        return chain(e).stream()
                .map(t -> t.getMessage() == null
                        ? t.getClass().getSimpleName()
                        : t.getMessage().strip())
                .map(m -> m.endsWith(".") ? m.substring(0, m.length() - 1) : m)
                .distinct()
                .collect(Collectors.joining(": "));
    }

    /** Whether the server's error text, anywhere along the chain, contains {@code word}. */
    private static boolean has(Throwable e, String word) {
        return chain(e).stream()
                .anyMatch(t -> t.getMessage() != null
                        && t.getMessage().toUpperCase(Locale.ROOT).contains(word));
    }

    /** {@code e}, its causes and their suppressed exceptions, breadth first. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> seen = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>(List.of(e));
        while (!next.isEmpty() && seen.size() < MAX_CHAIN) {
            Throwable t = next.poll();
            if (seen.stream().noneMatch(s -> s == t)) {
                seen.add(t);
                if (t.getCause() != null) {
                    next.add(t.getCause());
                }
                next.addAll(Arrays.asList(t.getSuppressed()));
            }
        }
        return seen;
    }
}
