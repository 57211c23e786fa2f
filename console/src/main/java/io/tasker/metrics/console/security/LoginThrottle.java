package io.tasker.metrics.console.security;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins by key (a client and the user name it tries): after {@value #MAX_FAILURES}
 * within a window, the key's further failures are refused (429) until the window has passed. The
 * caller lets right credentials through before asking, so nobody can lock another out.
 *
 * <pre>{@code
 * LoginThrottle throttle = new LoginThrottle(clock);
 * if (throttle.blocked(ip).isPresent()) { ... 429 ... }
 * }</pre>
 */
public final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Beyond this many keys the expired ones are dropped, and past twice as many new ones are not counted, so that a scan cannot fill memory. */
    private static final int MAX_KEYS = 10_000;

    private record Failures(int count, Instant since) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param key a client and the user name it tries
     * @return how long this key must wait, or empty when it may try
     */
    public Optional<Duration> blocked(String key) {
        Failures f = failures.get(key);
        if (f == null || f.count() < MAX_FAILURES) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.since().plus(WINDOW));
        if (left.isNegative() || left.isZero()) {
            failures.remove(key, f);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    /** @param key a client and the user name it tried, with wrong credentials */
    public void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> !now.isBefore(f.since().plus(WINDOW)));
            if (failures.size() >= 2 * MAX_KEYS && !failures.containsKey(key)) {
                return;
            }
        }
        failures.merge(
                key,
                new Failures(1, now),
                (old, one) ->
                        now.isBefore(old.since().plus(WINDOW)) ? new Failures(old.count() + 1, old.since()) : one);
    }
}
