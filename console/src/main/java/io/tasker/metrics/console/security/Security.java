package io.tasker.metrics.console.security;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.BasicAuthCredentials;
import io.tasker.metrics.console.config.ConsoleSettings;
import io.tasker.metrics.console.web.Ui;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what.
 *
 * <ul>
 *   <li>A POST needs either {@code Authorization: Bearer <TASKER_CONSOLE_TOKEN>} (scripts) or a
 *       CSRF token that matches the console's cookie, sent by htmx as {@value Ui#CSRF_HEADER},
 *       from the same origin (browsers).</li>
 *   <li>With {@code console.username} and {@code console.password} set, every page asks for a
 *       login (basic auth), except the liveness and readiness probes; the bearer token is
 *       accepted too.</li>
 *   <li>Every response says: no framing, no sniffing, scripts and styles only from here.</li>
 * </ul>
 */
public final class Security {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> OPEN = Set.of(Ui.HEALTH_LIVE, Ui.HEALTH_READY);

    private final ConsoleSettings settings;

    public Security(ConsoleSettings settings) {
        this.settings = settings;
    }

    public void register(RoutesConfig routes) {
        routes.before(this::check);
    }

    /** The CSRF token of this browser, issued as an HttpOnly cookie on first sight. */
    public static String csrfToken(Context ctx) {
        String token = ctx.attribute(Ui.CSRF_COOKIE);
        if (token == null) {
            token = ctx.cookie(Ui.CSRF_COOKIE);
        }
        if (token == null || !token.matches("[0-9a-f]{64}")) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            ctx.header("Set-Cookie", Ui.CSRF_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        }
        ctx.attribute(Ui.CSRF_COOKIE, token);
        return token;
    }

    private void check(Context ctx) {
        headers(ctx);
        boolean bearer = bearer(ctx);
        if (settings.basicAuth() && !OPEN.contains(ctx.path()) && !bearer && !loggedIn(ctx)) {
            throw new Denied(401, "Log in to the Tasker Metrics console",
                    Map.of("WWW-Authenticate", "Basic realm=\"Tasker Metrics\", charset=\"UTF-8\""));
        }
        if (ctx.method() == HandlerType.POST && !bearer) {
            checkCsrf(ctx);
        }
    }

    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
    }

    private boolean bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        return settings.token() != null && auth != null && auth.startsWith("Bearer ")
                && constantTimeEquals(auth.substring(7).trim(), settings.token());
    }

    private boolean loggedIn(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.startsWith("Basic ")) {
            return false;
        }
        try {
            BasicAuthCredentials c = ctx.basicAuthCredentials();
            return c != null && constantTimeEquals(c.getUsername(), settings.username())
                    & constantTimeEquals(c.getPassword(), settings.password());
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static void checkCsrf(Context ctx) {
        String cookie = ctx.cookie(Ui.CSRF_COOKIE);
        String header = ctx.header(Ui.CSRF_HEADER);
        if (cookie == null || header == null || !constantTimeEquals(cookie, header)) {
            throw new Denied(403, "This POST needs the console page's CSRF token (header "
                    + Ui.CSRF_HEADER + "), or Authorization: Bearer <TASKER_CONSOLE_TOKEN> for scripts", Map.of());
        }
        if (!sameOrigin(ctx)) {
            throw new Denied(403, "This POST comes from another origin (" + ctx.header("Origin")
                    + "); the console only takes actions from its own pages", Map.of());
        }
    }

    /** The Origin (or, without one, the Referer) names this host, or neither is sent. */
    private static boolean sameOrigin(Context ctx) {
        String source = ctx.header("Origin") != null ? ctx.header("Origin") : ctx.header("Referer");
        if (source == null || source.equals("null")) {
            return source == null;
        }
        try {
            URI uri = URI.create(source);
            String host = ctx.header("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }
}
