package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import org.junit.jupiter.api.Test;

/** A console reachable from other machines refuses to start without credentials. */
class ExposureTest {

    @Test
    void allInterfacesWithoutCredentialsRefusesToStart() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConsoleFixture.builder()
                        .env("TASKER_CONSOLE_HOST", "0.0.0.0")
                        .without("TASKER_CONSOLE_TOKEN")
                        .start());
        assertTrue(e.getMessage().contains("0.0.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("TASKER_CONSOLE_USERNAME"), e.getMessage());
        assertTrue(e.getMessage().contains("TASKER_CONSOLE_PASSWORD"), e.getMessage());
        assertTrue(e.getMessage().contains("TASKER_CONSOLE_TOKEN"), e.getMessage());
    }

    @Test
    void allInterfacesWithOnlyABearerTokenRefusesToStart() {
        // The pages would stay open, and each hands out a CSRF token that lets its reader POST.
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConsoleFixture.builder()
                        .env("TASKER_CONSOLE_HOST", "0.0.0.0")
                        .start());
        assertTrue(e.getMessage().contains("bearer token alone"), e.getMessage());
        assertTrue(e.getMessage().contains("TASKER_CONSOLE_PASSWORD"), e.getMessage());
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConsoleFixture.builder()
                        .env("TASKER_CONSOLE_USERNAME", "operator")
                        .start());
        assertTrue(e.getMessage().contains("console.password"), e.getMessage());
    }

    @Test
    void loopbackWithoutCredentialsStarts() {
        try (ConsoleFixture console =
                ConsoleFixture.builder().without("TASKER_CONSOLE_TOKEN").start()) {
            assertEquals(200, console.get(Ui.DASHBOARD).status());
            assertFalse(console.get(Ui.DASHBOARD).headers().containsKey("www-authenticate"));
        }
    }
}
