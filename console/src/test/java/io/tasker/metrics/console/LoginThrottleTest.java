package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.console.web.Ui;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Wrong credentials are counted per client and user name and refused after five, while right
 * ones always pass; X-Forwarded-For counts only from a trusted proxy; the bearer scheme is read
 * case-insensitively (RFC 7235).
 */
class LoginThrottleTest {

    @Test
    void wrongLoginsAreRefusedAfterFiveButNeverLockOutTheRightPassword() {
        // Behind an ingress every client shares an address: a guesser must not lock the operators out.
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        try (ConsoleFixture console = login(clock, null)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(
                        401, console.get(Ui.DASHBOARD, login("op", "guess" + i)).status());
            }
            ConsoleFixture.Response refused = console.get(Ui.DASHBOARD, login("op", "guess-again"));
            assertEquals(429, refused.status(), "further guesses are refused");
            assertEquals("60", refused.header("Retry-After"));
            assertEquals(200, console.get(Ui.DASHBOARD, login("op", "right")).status(), "the right password passes");
            assertEquals(
                    429,
                    console.get(Ui.DASHBOARD, login("op", "guess-5")).status(),
                    "and does not clear the guesser's count");
            assertEquals(
                    401,
                    console.get(Ui.DASHBOARD, login("someone", "guess")).status(),
                    "another user name counts apart");
            assertEquals(200, console.get(Ui.HEALTH_LIVE).status(), "the probes stay open");
            clock.advance(Duration.ofSeconds(61));
            assertEquals(401, console.get(Ui.DASHBOARD, login("op", "guess-6")).status(), "the minute has passed");
        }
    }

    @Test
    void wrongBearerTokensAreRefusedAfterFiveButTheRightTokenPasses() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        try (ConsoleFixture console = ConsoleFixture.builder().clock(clock).start()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(
                        403,
                        console.post(Ui.API_SYNC, "Authorization", "Bearer guess-" + i)
                                .status());
            }
            assertEquals(
                    429,
                    console.post(Ui.API_SYNC, "Authorization", "Bearer guess-5").status());
            assertEquals(200, console.post(Ui.API_SYNC, console.bearer()).status());
        }
    }

    @Test
    void forwardedForNamesTheClientOnlyFromATrustedProxy() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
        try (ConsoleFixture direct = login(clock, null)) {
            guessFiveTimes(direct, "203.0.113.1");
            assertEquals(
                    429,
                    direct.get(Ui.DASHBOARD, with(login("op", "x"), "203.0.113.2"))
                            .status(),
                    "a header from anyone names nobody: the address is the connection's");
        }
        try (ConsoleFixture proxied = login(clock, "127.0.0.1")) {
            guessFiveTimes(proxied, "203.0.113.1");
            assertEquals(
                    429,
                    proxied.get(Ui.DASHBOARD, with(login("op", "x"), "203.0.113.1"))
                            .status());
            assertEquals(
                    401,
                    proxied.get(Ui.DASHBOARD, with(login("op", "x"), "203.0.113.2"))
                            .status(),
                    "behind a trusted proxy each client counts apart");
        }
    }

    private static ConsoleFixture login(ManualClock clock, String trustedProxies) {
        ConsoleFixture.Builder b = ConsoleFixture.builder()
                .clock(clock)
                .env("TASKER_CONSOLE_USERNAME", "op")
                .env("TASKER_CONSOLE_PASSWORD", "right");
        return (trustedProxies == null ? b : b.env("TASKER_CONSOLE_TRUSTED_PROXIES", trustedProxies)).start();
    }

    private static void guessFiveTimes(ConsoleFixture console, String client) {
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    console.get(Ui.DASHBOARD, with(login("op", "guess" + i), client))
                            .status());
        }
    }

    private static String[] with(String[] headers, String forwardedFor) {
        return new String[] {headers[0], headers[1], "X-Forwarded-For", forwardedFor};
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            assertEquals(
                    200,
                    console.post(Ui.API_SYNC, "Authorization", "bearer " + console.token())
                            .status());
            assertEquals(
                    200,
                    console.post(Ui.API_SYNC, "Authorization", "BEARER " + console.token())
                            .status());
        }
    }

    private static String[] login(String user, String password) {
        String pair = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + pair};
    }
}
