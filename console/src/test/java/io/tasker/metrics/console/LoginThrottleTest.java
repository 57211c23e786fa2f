package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.console.web.Ui;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Guessing is slowed down, and the bearer scheme is read case-insensitively (RFC 7235). */
class LoginThrottleTest {

    @Test
    void fiveFailedLoginsRefuseTheAddressForAMinute() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).env("TASKER_CONSOLE_USERNAME", "op")
                .env("TASKER_CONSOLE_PASSWORD", "right").start()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(401, console.get(Ui.DASHBOARD, login("op", "guess" + i)).status());
            }
            ConsoleFixture.Response refused = console.get(Ui.DASHBOARD, login("op", "right"));
            assertEquals(429, refused.status(), "even the right password waits out the minute");
            assertEquals("60", refused.header("Retry-After"));
            assertEquals(200, console.get(Ui.HEALTH_LIVE).status(), "the probes stay open");
            clock.advance(Duration.ofSeconds(61));
            assertEquals(200, console.get(Ui.DASHBOARD, login("op", "right")).status());
            assertEquals(401, console.get(Ui.DASHBOARD, login("op", "again")).status(), "a success cleared the count");
        }
    }

    @Test
    void wrongBearerTokensAreThrottledToo() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).start()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(403, console.post(Ui.API_SYNC, "Authorization", "Bearer guess-" + i).status());
            }
            assertEquals(429, console.post(Ui.API_SYNC, console.bearer()).status());
            clock.advance(Duration.ofMinutes(2));
            assertEquals(200, console.post(Ui.API_SYNC, console.bearer()).status());
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            assertEquals(200, console.post(Ui.API_SYNC, "Authorization", "bearer " + console.token()).status());
            assertEquals(200, console.post(Ui.API_SYNC, "Authorization", "BEARER " + console.token()).status());
        }
    }

    private static String[] login(String user, String password) {
        String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + pair};
    }
}
