package io.tasker.metrics.console.web;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Locale;

/**
 * Query parameters read strictly: a value that is no number, out of range or not one of the
 * known words is an {@link IllegalArgumentException} (answered 400 with its message), never
 * silently replaced by a default that shows something else than was asked for.
 *
 * <pre>{@code
 * int limit = QueryParams.number(ctx, "limit", 50, 1, 500);
 * }</pre>
 */
public final class QueryParams {
    private QueryParams() {}

    /** The parameter as a whole number in {@code [min, max]}, or {@code fallback} when absent or empty. */
    public static int number(Context ctx, String key, int fallback, int min, int max) {
        String v = ctx.queryParam(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the range.
        }
        throw new IllegalArgumentException(
                "Query parameter " + key + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }

    /** The parameter in lower case when it is one of {@code allowed}, or "" when absent or empty. */
    public static String oneOf(Context ctx, String key, Collection<String> allowed) {
        String v = ctx.queryParam(key);
        if (v == null || v.isBlank()) {
            return "";
        }
        String word = v.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(word)) {
            throw new IllegalArgumentException(
                    "Query parameter " + key + " must be one of " + allowed + " (or left out), got '" + v + "'");
        }
        return word;
    }
}
