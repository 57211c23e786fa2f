package io.tasker.metrics.console.dashboard;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * What the metric table shows, as it stands in the URL: name, label and type filters, sort,
 * page, and the polling interval the user chose, so that a link shows the same table.
 */
public record Filter(String name, String label, String type, String sort, boolean descending, int page, int interval) {
    public static final List<Integer> INTERVALS = List.of(2, 5, 10, 30, 60);
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram");
    private static final Set<String> SORTS = Set.of("name", "value", "type");

    public static Filter from(Context ctx) {
        String type = param(ctx, "type");
        String sort = param(ctx, "sort");
        int interval = number(ctx, "interval", 5);
        return new Filter(param(ctx, "name"), param(ctx, "label"), TYPES.contains(type) ? type : "",
                SORTS.contains(sort) ? sort : "name", "desc".equals(param(ctx, "dir")), number(ctx, "page", 1),
                INTERVALS.contains(interval) ? interval : 5);
    }

    /**
     * The query string of this filter with another page (or sort), for the paging and sorting
     * links and the polling URL. Every value is encoded, so that a label filter such as
     * {@code status="a&b"} comes back whole rather than as two parameters.
     */
    public String query(int newPage) {
        return "name=" + enc(name) + "&label=" + enc(label) + "&type=" + enc(type) + "&sort=" + enc(sort) + "&dir="
                + (descending ? "desc" : "asc") + "&page=" + newPage + "&interval=" + interval;
    }

    public String sortedBy(String column) {
        boolean desc = column.equals(sort) && !descending;
        return new Filter(name, label, type, column, desc, 1, interval).query(1);
    }

    private static String param(Context ctx, String key) {
        String v = ctx.queryParam(key);
        return v == null ? "" : v.trim();
    }

    private static int number(Context ctx, String key, int fallback) {
        try {
            return Integer.parseInt(param(ctx, key));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
