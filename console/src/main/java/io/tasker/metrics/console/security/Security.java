package io.tasker.metrics.console.security;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.BasicAuthCredentials;
import io.tasker.metrics.Clock;
import io.tasker.metrics.console.config.ConsoleSettings;
import io.tasker.metrics.console.web.Ui;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what.
 *
 * <ul>
 *   <li>A POST needs either {@code Authorization: Bearer <TASKER_CONSOLE_TOKEN>} (scripts) or a
 *       CSRF token that matches the console's cookie, sent by htmx as {@value Ui#CSRF_HEADER},
 *       from the same origin (browsers); the token is signed by the console ({@link CsrfTokens}).</li>
 *   <li>With {@code console.username} and {@code console.password} set, every page asks for a
 *       login (basic auth), except the liveness and readiness probes; the bearer token is
 *       accepted too.</li>
 *   <li>A request that names a host the console does not answer to ({@link io.tasker.metrics.console.config.AllowedHosts}) gets 421:
 *       a page on another domain that re-points its name at this machine reads nothing.</li>
 *   <li>Five failed logins (or wrong bearer tokens) from one client for one user name within a
 *       minute refuse that pair's further wrong ones (429) for the rest of that minute
 *       ({@link LoginThrottle}); right credentials always pass. The client is the connection's
 *       address, or {@code X-Forwarded-For}'s when the connection comes from
 *       {@code console.trusted_proxies}.</li>
 *   <li>Every response says: no framing, no sniffing, scripts and styles only from here.</li>
 * </ul>
 */
public final class Security {
    private static final Set<String> OPEN = Set.of(Ui.HEALTH_LIVE, Ui.HEALTH_READY);

    private final ConsoleSettings settings;
    private final LoginThrottle throttle;

    public Security(ConsoleSettings settings, Clock clock) {
        this.settings = settings;
        this.throttle = new LoginThrottle(clock);
    }

    /**
     * The CSRF check runs only before a matched route: a POST to a route that takes none (such
     * as {@code /metrics}) is then answered 405 rather than asked for a token it does not need.
     */
    public void register(RoutesConfig routes) {
        routes.before(this::check);
        routes.beforeMatched(this::checkPost);
    }

    /**
     * The CSRF token of this browser, issued (signed by this process) as an HttpOnly cookie on
     * first sight, and again when the cookie holds one this process did not issue.
     *
     * @param ctx the request
     * @return the token the page hands to htmx
     */
    public static String csrfToken(Context ctx) {
        String token = ctx.attribute(Ui.CSRF_COOKIE);
        if (token == null) {
            token = ctx.cookie(Ui.CSRF_COOKIE);
        }
        if (!CsrfTokens.issued(token)) {
            token = CsrfTokens.issue();
            ctx.header(
                    "Set-Cookie",
                    Ui.CSRF_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                            + (secure(ctx) ? "; Secure" : ""));
        }
        ctx.attribute(Ui.CSRF_COOKIE, token);
        return token;
    }

    private void check(Context ctx) {
        headers(ctx);
        checkHost(ctx);
        if (OPEN.contains(ctx.path())) {
            return;
        }
        throttle(ctx);
        if (settings.basicAuth() && !bearer(ctx) && !loggedIn(ctx)) {
            throw new Denied(
                    401,
                    "Log in to the Tasker Metrics console",
                    Map.of("WWW-Authenticate", "Basic realm=\"Tasker Metrics\", charset=\"UTF-8\""));
        }
    }

    private void checkPost(Context ctx) {
        if (ctx.method().equals(HandlerType.POST) && !bearer(ctx)) {
            checkCsrf(ctx);
        }
    }

    /** The probes stay open to any name: kubelets send the pod's address or whatever they were told. */
    private void checkHost(Context ctx) {
        String host = ctx.header("Host");
        if (!OPEN.contains(ctx.path()) && !settings.allowedHosts().allows(host)) {
            throw new Denied(
                    421,
                    "This console does not answer to the host name in the Host header (" + host
                            + "); if it is the console's own name, add it to console.allowed_hosts "
                            + "(TASKER_CONSOLE_ALLOWED_HOSTS)",
                    Map.of());
        }
    }

    /**
     * Counts credentials that fail, per client and user name, and refuses further wrong ones from
     * that pair for a while. Right credentials always pass, so a client that guesses (anyone,
     * behind a shared ingress address) cannot lock the operators out; and a success does not
     * clear the count, or an operator's every page would hand the guesser five more tries.
     */
    private void throttle(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || bearer(ctx) || loggedIn(ctx) || !settings.basicAuth() && !scheme(auth, "Bearer")) {
            return;
        }
        String client = settings.trustedProxies().client(ctx.ip(), ctx.header("X-Forwarded-For"));
        String key = client + " " + subject(ctx, auth);
        throttle.blocked(key).ifPresent(wait -> {
            String seconds = String.valueOf(Math.max(1, wait.toSeconds()));
            throw new Denied(
                    429,
                    "Too many failed logins from " + client + "; try again in " + seconds + " s",
                    Map.of("Retry-After", seconds));
        });
        throttle.failed(key);
    }

    /** Whose credentials a request tries: the basic user name, or the bearer token (one for all scripts). */
    private static String subject(Context ctx, String auth) {
        if (!scheme(auth, "Basic")) {
            return "(bearer)";
        }
        try {
            BasicAuthCredentials c = ctx.basicAuthCredentials();
            return c == null ? "(malformed)" : "user " + c.getUsername();
        } catch (RuntimeException malformed) {
            return "(malformed)";
        }
    }

    /** Served over TLS, directly or behind a proxy that says so: the cookie must then never travel in clear. */
    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
            // Pages carry the metrics, the history and a CSRF token: no cache, shared or private, keeps them.
            ctx.header("Cache-Control", "no-store");
        }
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
    }

    /** The scheme is case-insensitive (RFC 7235): {@code bearer} and {@code BEARER} are Bearer. */
    private boolean bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        return settings.token() != null
                && scheme(auth, "Bearer")
                && constantTimeEquals(auth.substring(7).trim(), settings.token());
    }

    private static boolean scheme(String auth, String scheme) {
        return auth != null
                && auth.length() > scheme.length()
                && auth.regionMatches(true, 0, scheme, 0, scheme.length())
                && auth.charAt(scheme.length()) == ' ';
    }

    private boolean loggedIn(Context ctx) {
        String auth = ctx.header("Authorization");
        if (!scheme(auth, "Basic")) {
            return false;
        }
        try {
            BasicAuthCredentials c = ctx.basicAuthCredentials();
            if (c == null) {
                return false;
            }
            // Both compared every time, so the time taken does not tell which one was wrong.
            boolean user = constantTimeEquals(c.getUsername(), settings.username());
            boolean password = constantTimeEquals(c.getPassword(), settings.password());
            return user && password;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static void checkCsrf(Context ctx) {
        String cookie = ctx.cookie(Ui.CSRF_COOKIE);
        String header = ctx.header(Ui.CSRF_HEADER);
        if (cookie == null || header == null || !constantTimeEquals(cookie, header) || !CsrfTokens.issued(header)) {
            throw new Denied(
                    403,
                    "This POST needs the console page's CSRF token (header "
                            + Ui.CSRF_HEADER
                            + "; after a restart of the console, reload the page), or Authorization: Bearer "
                            + "<TASKER_CONSOLE_TOKEN> for scripts",
                    Map.of());
        }
        if (!sameOrigin(ctx)) {
            throw new Denied(
                    403,
                    "This POST comes from another origin (" + ctx.header("Origin")
                            + "); the console only takes actions from its own pages",
                    Map.of());
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
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
