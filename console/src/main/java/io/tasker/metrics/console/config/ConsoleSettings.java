package io.tasker.metrics.console.config;

import io.tasker.metrics.config.ApplicationValues;
import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.ConfigKey.Kind;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.db.Login;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.export.internal.QueryMask;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The console's own settings ({@code console.*} in the configuration file), beside the
 * collector's.
 *
 * @param host the address to bind; anything but loopback needs credentials
 * @param port the HTTP port (7070)
 * @param databaseUrl the JDBC URL of the export and value history: H2 (the default) or PostgreSQL
 * @param databaseLogin the database user and password ({@code console.database_user},
 *     {@code console.database_password} or the file {@code console.database_password_file} names)
 * @param databaseWait how long a console waits at start for another process to let go of the database file
 * @param username basic auth user for the whole console, or null
 * @param password basic auth password, or null
 * @param token the bearer token that lets scripts POST without a CSRF token ({@code TASKER_CONSOLE_TOKEN}), or null
 * @param dev read templates from the source tree and reload them on change
 * @param traceUrl a link to a trace in the user's trace backend, {@code {trace_id}} standing for the id; or null
 * @param historyRetention how long the H2 export history keeps a row ({@code console.history_retention})
 * @param allowedHosts the host names requests may name in their {@code Host} header besides IP addresses
 *     and localhost ({@code console.allowed_hosts}); with a login and nothing set, any name
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client ({@code console.trusted_proxies})
 */
public record ConsoleSettings(
        String host,
        int port,
        String databaseUrl,
        Login databaseLogin,
        Duration databaseWait,
        String username,
        String password,
        String token,
        boolean dev,
        String traceUrl,
        Duration historyRetention,
        AllowedHosts allowedHosts,
        TrustedProxies trustedProxies) {

    /** The console's keys, with defaults and environment variables. */
    public static final List<ConfigKey> KEYS = Stream.of(
                    List.of(
                            ConfigKey.of("console.host", Kind.STRING, "127.0.0.1", "TASKER_CONSOLE_HOST"),
                            ConfigKey.of("console.port", Kind.INTEGER, "7070", "TASKER_CONSOLE_PORT"),
                            ConfigKey.of(
                                    "console.database_url",
                                    Kind.STRING,
                                    "jdbc:h2:file:./data/console",
                                    "TASKER_CONSOLE_DATABASE_URL"),
                            ConfigKey.of("console.database_wait", Kind.DURATION, "30s", "TASKER_CONSOLE_DATABASE_WAIT"),
                            ConfigKey.of("console.database_user", Kind.STRING, null, "TASKER_CONSOLE_DATABASE_USER"),
                            ConfigKey.secret("console.database_password", "TASKER_CONSOLE_DATABASE_PASSWORD"),
                            ConfigKey.of(
                                    "console.database_password_file",
                                    Kind.STRING,
                                    null,
                                    "TASKER_CONSOLE_DATABASE_PASSWORD_FILE"),
                            ConfigKey.of("console.username", Kind.STRING, null, "TASKER_CONSOLE_USERNAME"),
                            ConfigKey.secret("console.password", "TASKER_CONSOLE_PASSWORD"),
                            ConfigKey.secret("console.token", "TASKER_CONSOLE_TOKEN"),
                            ConfigKey.of("console.dev", Kind.BOOLEAN, "false", "TASKER_CONSOLE_DEV"),
                            ConfigKey.of("console.trace_url", Kind.STRING, null, "TASKER_CONSOLE_TRACE_URL"),
                            ConfigKey.of("console.allowed_hosts", Kind.STRING, null, "TASKER_CONSOLE_ALLOWED_HOSTS"),
                            ConfigKey.of(
                                    "console.trusted_proxies", Kind.STRING, null, "TASKER_CONSOLE_TRUSTED_PROXIES"),
                            ConfigKey.of(
                                    "console.history_retention",
                                    Kind.DURATION,
                                    "90d",
                                    "TASKER_CONSOLE_HISTORY_RETENTION")),
                    HistorySettings.KEYS,
                    AlertSettings.KEYS)
            .flatMap(List::stream)
            .toList();

    public static ConsoleSettings from(TaskerConfig config) {
        ApplicationValues own = config.application();
        String username = blank(own.text("console.username"));
        String password = blank(own.text("console.password"));
        return new ConsoleSettings(
                own.text("console.host"),
                own.integer("console.port"),
                own.text("console.database_url"),
                new Login(
                        blank(own.text("console.database_user")),
                        DatabasePassword.of(
                                blank(own.text("console.database_password")),
                                blank(own.text("console.database_password_file")))),
                own.duration("console.database_wait"),
                username,
                password,
                blank(own.text("console.token")),
                own.flag("console.dev"),
                traceUrl(blank(own.text("console.trace_url"))),
                own.duration("console.history_retention"),
                hosts(own.text("console.allowed_hosts"), username != null && password != null),
                TrustedProxies.parse(own.text("console.trusted_proxies")));
    }

    /**
     * Without a login, a rebinding page could read the console, so only listed names pass; with
     * one, the page's browser has no credentials for the console, so any name may pass unless
     * the operator lists them.
     */
    private static AllowedHosts hosts(String setting, boolean login) {
        return blank(setting) == null && login ? AllowedHosts.parse("*") : AllowedHosts.parse(setting);
    }

    public boolean basicAuth() {
        return username != null && password != null;
    }

    /**
     * Refuses to serve beyond this machine without a login: an operations console with "sync
     * now" and "export now" buttons must not be open to a network. A bearer token alone is not
     * enough, because the pages stay open and hand every visitor a CSRF token that lets them POST.
     *
     * Also checks the port, so that a wrong one is a message rather than the server's stack trace.
     *
     * @throws IllegalArgumentException saying how to configure credentials, or which ports work
     */
    public void checkExposure() {
        if (!loopback(host) && !basicAuth()) {
            throw new IllegalArgumentException("console.host is " + host + ", which is reachable from other machines, "
                    + "and no login is configured"
                    + (token == null
                            ? ""
                            : " (a bearer token alone leaves the pages, "
                                    + "and through their CSRF token the actions, open)")
                    + ". Set console.username and "
                    + "console.password (or TASKER_CONSOLE_USERNAME and TASKER_CONSOLE_PASSWORD) for a login, and "
                    + "TASKER_CONSOLE_TOKEN for scripts; or bind to 127.0.0.1.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("console.port (TASKER_CONSOLE_PORT, --port) is " + port
                    + "; give a port from 0 to 65535 (0 picks a free one)");
        }
        if (historyRetention.isZero() || historyRetention.isNegative()) {
            throw new IllegalArgumentException(
                    "console.history_retention must be longer than zero, got " + historyRetention);
        }
        if (databaseWait.isNegative()) {
            throw new IllegalArgumentException("console.database_wait must not be negative, got " + databaseWait);
        }
        if (username != null ^ password != null) {
            throw new IllegalArgumentException(
                    "console.username and console.password go together: set both or neither");
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A trace link template must be a web address holding {trace_id}, or links would lead nowhere. */
    private static String traceUrl(String template) {
        if (template != null && (!template.contains("{trace_id}") || !template.matches("(?i)^https?://.+"))) {
            throw new IllegalArgumentException(
                    "console.trace_url must be an http(s) URL containing {trace_id}, such as "
                            + "http://jaeger:16686/trace/{trace_id}; got '" + template + "'");
        }
        return template;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "ConsoleSettings[host=" + host + ", port=" + port + ", databaseUrl=" + QueryMask.apply(databaseUrl)
                + ", databaseLogin=" + databaseLogin + ", username="
                + username + ", password=" + (password == null ? "null" : "***") + ", token="
                + (token == null ? "null" : "***") + ", dev=" + dev + ", allowedHosts=" + allowedHosts + "]";
    }
}
