package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.testing.PostgresServerExtension;
import io.tasker.metrics.testing.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console started in-process on a free loopback port, with an in-memory H2 database, a
 * temporary export directory, a memory store and a bearer token unless told otherwise, and the
 * HTTP calls the tests make against it.
 *
 * <pre>{@code
 * try (ConsoleFixture console = ConsoleFixture.start()) {
 *     assertEquals(200, console.get("/health/live").status());
 * }
 * }</pre>
 */
final class ConsoleFixture implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private static final Pattern CSRF_IN_PAGE =
            Pattern.compile("hx-headers='\\{\"" + Ui.CSRF_HEADER + "\": \"([0-9a-f]{64})\"\\}'");
    private static final Pattern CSRF_COOKIE = Pattern.compile(Ui.CSRF_COOKIE + "=([0-9a-f]{64})");

    private final EmbeddedConsole embedded;
    private final Console console;
    private final Path exportDir;
    private final String token;
    private final String base;

    private ConsoleFixture(EmbeddedConsole embedded) {
        this.embedded = embedded;
        this.console = embedded.console();
        this.exportDir = embedded.exportDir();
        this.token = embedded.token();
        this.base = embedded.base();
    }

    static ConsoleFixture start() {
        return builder().start();
    }

    static Builder builder() {
        return new Builder();
    }

    Console console() {
        return console;
    }

    String base() {
        return base;
    }

    Path exportDir() {
        return exportDir;
    }

    String token() {
        return token;
    }

    /** The headers of a script: the bearer token. */
    String[] bearer() {
        return new String[] {"Authorization", "Bearer " + token};
    }

    Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Response post(String path, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A form POST, as htmx sends it. */
    Response postForm(String path, String form, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Syncs the console's registry to the store, as a script would. */
    void sync() {
        Response r = post(Ui.API_SYNC, bearer());
        assertEquals(200, r.status(), r.body());
    }

    /**
     * Records, syncs and samples the history {@code times} times, 15 s of the manual clock apart:
     * a history of minutes in milliseconds.
     */
    void sample(io.tasker.metrics.ManualClock clock, int times, java.util.function.IntConsumer record) {
        for (int i = 0; i < times; i++) {
            record.accept(i);
            sync();
            console.history().tick();
            clock.advance(Duration.ofSeconds(15));
        }
    }

    /** Imports the shared export record into H2 now, rather than waiting for the console's tick. */
    void importHistory() {
        console.importHistory();
    }

    /** Opens the dashboard as a browser does and keeps what it needs to POST: the CSRF cookie and token. */
    Browser browser(String... headers) {
        Response page = get(Ui.DASHBOARD, headers);
        assertEquals(200, page.status(), page.body());
        Matcher cookie = CSRF_COOKIE.matcher(page.header("Set-Cookie"));
        Matcher token = CSRF_IN_PAGE.matcher(page.body());
        if (!cookie.find() || !token.find()) {
            throw new AssertionError("No CSRF cookie or token in the dashboard: " + page.header("Set-Cookie"));
        }
        return new Browser(cookie.group(1), token.group(1));
    }

    @Override
    public void close() {
        embedded.close();
        TempDirs.delete(exportDir);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.uri(), e);
        }
    }

    /** A status, a body and the headers (names in lower case, as HTTP/1.1 allows). */
    record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        /** The first value of a header, or null. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    /** What a browser that opened the dashboard sends with its POSTs. */
    record Browser(String cookie, String token) {
        String[] headers(String... more) {
            String[] h = new String[4 + more.length];
            h[0] = "Cookie";
            h[1] = Ui.CSRF_COOKIE + "=" + cookie;
            h[2] = Ui.CSRF_HEADER;
            h[3] = token;
            System.arraycopy(more, 0, h, 4, more.length);
            return h;
        }
    }

    /** The settings of a console to start: {@link EmbeddedConsole}'s, in a temporary export directory. */
    static final class Builder {
        private final Path exportDir = tempDir();
        private final EmbeddedConsole.Builder embedded = EmbeddedConsole.builder(exportDir);

        Builder env(String key, String value) {
            embedded.env(key, value);
            return this;
        }

        Builder without(String key) {
            embedded.without(key);
            return this;
        }

        /** Runs the demo workload beside the console, as {@code bin/console --demo} does. */
        Builder demo() {
            embedded.demo(true);
            return this;
        }

        Builder clock(Clock c) {
            embedded.clock(c);
            return this;
        }

        Builder cacheUrl(String url) {
            embedded.cacheUrl(url);
            return this;
        }

        Builder databaseUrl(String url) {
            embedded.databaseUrl(url);
            return this;
        }

        /** A database of its own on this PostgreSQL server, with the server's user and password. */
        Builder postgres(PostgresServerExtension server) {
            return postgres(server, server.newDatabase());
        }

        /** The named database on this PostgreSQL server (two consoles that share it), with the server's user and password. */
        Builder postgres(PostgresServerExtension server, String database) {
            return databaseUrl(server.jdbcUrl(database))
                    .env("TASKER_CONSOLE_DATABASE_USER", server.user())
                    .env("TASKER_CONSOLE_DATABASE_PASSWORD", server.password());
        }

        ConsoleFixture start() {
            try {
                return new ConsoleFixture(embedded.start());
            } catch (RuntimeException e) {
                TempDirs.delete(exportDir);
                throw e;
            }
        }

        private static Path tempDir() {
            try {
                return Files.createTempDirectory("tasker-console-exports-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
