package io.tasker.metrics.console.dashboard;

import io.javalin.http.Context;
import io.tasker.metrics.console.web.QueryParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the metric table shows, as it stands in the URL: name, label and type filters, sort,
 * page, and the polling interval the user chose, so that a link shows the same table.
 */
public record Filter(String name, String label, String type, String sort, boolean descending, int page, int interval) {
    public static final List<Integer> INTERVALS = List.of(2, 5, 10, 30, 60);
    private static final List<String> TYPES = List.of("counter", "gauge", "histogram");
    private static final List<String> SORTS = List.of("name", "value", "type");
    private static final List<String> DIRECTIONS = List.of("asc", "desc");

    /** @throws IllegalArgumentException (a 400) for a type, sort, direction, page or interval it cannot honour */
    public static Filter from(Context ctx) {
        String sort = QueryParams.oneOf(ctx, "sort", SORTS);
        int interval = QueryParams.number(ctx, "interval", 5, 1, Integer.MAX_VALUE);
        if (!INTERVALS.contains(interval)) {
            throw new IllegalArgumentException("Query parameter interval must be one of " + INTERVALS + ", got '"
                    + ctx.queryParam("interval") + "'");
        }
        return new Filter(
                param(ctx, "name"),
                param(ctx, "label"),
                QueryParams.oneOf(ctx, "type", TYPES),
                sort.isEmpty() ? "name" : sort,
                "desc".equals(QueryParams.oneOf(ctx, "dir", DIRECTIONS)),
                QueryParams.number(ctx, "page", 1, 1, Integer.MAX_VALUE),
                interval);
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
