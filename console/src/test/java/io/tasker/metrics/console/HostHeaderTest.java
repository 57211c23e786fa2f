package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.console.web.Ui;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a page on another domain whose name now points at 127.0.0.1 must read nothing.
 * The JDK's HTTP client will not send a Host header of our choosing, so these requests go
 * over a plain socket.
 */
class HostHeaderTest {

    @Test
    void aForeignHostNameGets421AndNoData() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            String answer = raw(
                    console,
                    "GET",
                    Ui.API_METRICS,
                    "rebind.attacker.example:" + console.console().port());
            assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
            assertTrue(answer.contains("console.allowed_hosts"), answer);
            assertTrue(
                    raw(console, "POST", Ui.API_SYNC, "rebind.attacker.example").startsWith("HTTP/1.1 421"));
        }
    }

    @Test
    void loopbackNamesAndAddressesAreAnswered() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            int port = console.console().port();
            for (String host : new String[] {
                "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "[::1]:" + port, "10.1.2.3:" + port, "localhost."
            }) {
                String answer = raw(console, "GET", Ui.API_METRICS, host);
                assertTrue(answer.startsWith("HTTP/1.1 200"), host + ": " + answer);
            }
        }
    }

    @Test
    void theProbesAnswerAnyName() {
        try (ConsoleFixture console = ConsoleFixture.start()) {
            assertTrue(raw(console, "GET", Ui.HEALTH_LIVE, "pod-name.svc").startsWith("HTTP/1.1 200"));
            assertTrue(raw(console, "GET", Ui.HEALTH_READY, "pod-name.svc").startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void aListedNameIsAnswered() {
        try (ConsoleFixture console = ConsoleFixture.builder()
                .env("TASKER_CONSOLE_ALLOWED_HOSTS", "console.example.com, other.example")
                .start()) {
            assertTrue(raw(console, "GET", Ui.API_METRICS, "Console.Example.com:443")
                    .startsWith("HTTP/1.1 200"));
            assertTrue(raw(console, "GET", Ui.API_METRICS, "third.example").startsWith("HTTP/1.1 421"));
        }
    }

    @Test
    void withALoginAnyNameIsAnswered() {
        // The rebinding page's browser holds no credentials for it, so the login is the guard.
        try (ConsoleFixture console = ConsoleFixture.builder()
                .env("TASKER_CONSOLE_USERNAME", "u")
                .env("TASKER_CONSOLE_PASSWORD", "p")
                .start()) {
            assertTrue(
                    raw(console, "GET", Ui.API_METRICS, "console.example.com").startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    void anAllowedHostThatIsNoNameIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConsoleFixture.builder()
                        .env("TASKER_CONSOLE_ALLOWED_HOSTS", "https://console.example.com")
                        .start());
        assertTrue(e.getMessage().contains("'https://console.example.com' is not a host name"), e.getMessage());
    }

    private static String raw(ConsoleFixture console, String method, String path, String host) {
        try (Socket s = new Socket("127.0.0.1", console.console().port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                            + console.token() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " with Host " + host, e);
        }
    }

    @Test
    void theHeaderIsReadWithOrWithoutAPort() {
        var hosts = io.tasker.metrics.console.config.AllowedHosts.parse("a.example");
        assertTrue(hosts.allows("a.example"));
        assertTrue(hosts.allows("a.example:7070"));
        assertTrue(hosts.allows("[fe80::1]:7070"));
        assertEquals(false, hosts.allows("a.example.evil:7070"));
        assertEquals(false, hosts.allows("127.0.0.1.evil.example"));
    }
}
