package io.tasker.metrics.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tasker.metrics.console.security.Denied;
import io.tasker.metrics.console.status.Staleness;
import io.tasker.metrics.store.StoreException;

/**
 * One error policy for the pages and the API: a browser asking for a page gets an HTML page with
 * the navigation; scripts, probes and htmx fragments ({@code /api/*}, {@code /health/*},
 * {@code /ui/*}, {@code /metrics}) keep their bodies as they were.
 */
public final class ErrorPages {
    private static final Staleness UNKNOWN = new Staleness(false, null, null, null);

    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = templates;
    }

    /** Registers the exception mappers and the page for the routes that do not exist. */
    public void register(RoutesConfig routes) {
        // A route that needs the cluster view and cannot read it: the store is down, not the console.
        routes.exception(
                StoreException.class,
                (e, ctx) -> respond(ctx, 503, "The cluster view cannot be read: " + e.getMessage()));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(Denied.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            respond(ctx, e.status(), e.getMessage());
        });
        for (int status : new int[] {404, 405}) {
            routes.error(status, "html", ctx -> {
                // A page that answered 404 itself (a run aged out) has said more than Javalin would.
                String said = ctx.result();
                if (forPage(ctx) && (said == null || !said.startsWith("<!DOCTYPE html>"))) {
                    page(ctx, status, HttpStatus.forStatus(status).getMessage() + ": " + ctx.path());
                }
            });
        }
    }

    /** Answers with the error: a page for a browser's page request, plain text otherwise. */
    public void respond(Context ctx, int status, String message) {
        if (forPage(ctx)) {
            page(ctx, status, message);
        } else {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
        }
    }

    private void page(Context ctx, int status, String message) {
        String title = status + " " + HttpStatus.forStatus(status).getMessage();
        ctx.status(status);
        templates.render(ctx, "error/error.jte", new ErrorPage(new Layout(title, "", "", UNKNOWN), status, message));
    }

    private static boolean forPage(Context ctx) {
        String path = ctx.path();
        String accept = ctx.header("Accept");
        return accept != null
                && accept.contains("text/html")
                && !path.startsWith("/api/")
                && !path.startsWith("/ui/")
                && !path.startsWith("/health/")
                && !path.startsWith("/static/")
                && !path.startsWith("/webjars/")
                && !path.equals(Ui.METRICS);
    }
}
