package io.tasker.metrics.console.security;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@value #MAX_FAILURES} failed logins or wrong bearer tokens from
 * one address within a window, that address is refused (429) until the window has passed,
 * right credentials or not. A success clears the address's count.
 *
 * <pre>{@code
 * LoginThrottle throttle = new LoginThrottle(clock);
 * if (throttle.blocked(ip).isPresent()) { ... 429 ... }
 * }</pre>
 */
public final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Beyond this many addresses the expired ones are dropped, so that a scan cannot fill memory. */
    private static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, Instant since) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must wait, or empty when it may try. */
    public java.util.Optional<Duration> blocked(String address) {
        Failures f = failures.get(address);
        if (f == null || f.count() < MAX_FAILURES) {
            return java.util.Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), f.since().plus(WINDOW));
        if (left.isNegative() || left.isZero()) {
            failures.remove(address, f);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(left);
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().removeIf(f -> !now.isBefore(f.since().plus(WINDOW)));
        }
        failures.merge(address, new Failures(1, now), (old, one) -> now.isBefore(old.since().plus(WINDOW))
                ? new Failures(old.count() + 1, old.since()) : one);
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
