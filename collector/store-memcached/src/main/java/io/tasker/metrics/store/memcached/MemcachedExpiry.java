package io.tasker.metrics.store.memcached;

import java.time.Duration;

/**
 * Turns a time to live into memcached's {@code exptime}: whole seconds, rounded up so that a key
 * never expires early; up to 30 days it is relative, beyond that memcached reads it as a Unix
 * time, so longer times to live are sent as one.
 *
 * <p>{@code int exptime = MemcachedExpiry.exptime(Duration.ofMillis(1500), System.currentTimeMillis()); // 2}
 */
final class MemcachedExpiry {

    /** The longest relative exptime; memcached reads anything larger as an absolute Unix time. */
    static final long MAX_RELATIVE_SECONDS = 60L * 60 * 24 * 30;

    /**
     * An absolute time long past (January 1970): an item written with it is expired at once.
     * xmemcached refuses the negative exptime the protocol allows for this.
     */
    static final int ALREADY_EXPIRED = (int) MAX_RELATIVE_SECONDS + 1;

    private MemcachedExpiry() {}

    /**
     * @param nowMillis this host's wall clock; absolute times assume the server's clock agrees
     * @throws IllegalArgumentException when the time to live is not positive
     */
    static int exptime(Duration ttl, long nowMillis) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A time to live must be positive, got " + ttl);
        }
        long seconds = ttl.getSeconds() + (ttl.getNano() > 0 ? 1 : 0);
        if (seconds <= MAX_RELATIVE_SECONDS) {
            return (int) seconds;
        }
        // An exptime is a signed 32-bit Unix time: 2038-01-19 is as far as it reaches.
        long absolute = Math.floorDiv(nowMillis, 1000) + Math.min(seconds, Integer.MAX_VALUE);
        return (int) Math.min(absolute, Integer.MAX_VALUE);
    }
}
