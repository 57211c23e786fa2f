package io.tasker.metrics.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.console.dashboard.MetricsTable;
import io.tasker.metrics.console.web.Ui;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console route under load, with what its answer must hold before wrk may measure it: a fast
 * error page or an empty table would make any figure meaningless.
 *
 * @param name how the table names it
 * @param path path and query
 * @param headers what a browser or a scraper sends with it, as {@code Name: value}
 * @param check the answer's content, given the number of series in the cluster view
 */
record ConsoleRoute(String name, String path, List<String> headers, Check check) {
    /** The filtered table: step executions that failed, by value descending, page 3. */
    static final String FRAGMENT_QUERY =
            "?name=step_executions&label=failure&type=counter&sort=value&dir=desc&page=3&interval=5";

    private static final Pattern COUNT = Pattern.compile("(\\d+) of (\\d+) series \u00b7 page (\\d+) of (\\d+)");
    private static final Pattern ROW = Pattern.compile("<tr class=\"metric-row (\\w+)\">");
    private static final Pattern LABELS = Pattern.compile("<td class=\"labels\">([^<]*)</td>");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Throws {@link IllegalStateException} when the answer is not what the route must show. */
    @FunctionalInterface
    interface Check {
        String verify(String body, int series);
    }

    /** The routes measured; {@code cookie} is the CSRF cookie a returning browser sends. */
    static List<ConsoleRoute> all(String cookie) {
        List<String> browser = List.of("Cookie: " + cookie);
        return List.of(
                new ConsoleRoute(
                        "`/` dashboard", Ui.DASHBOARD, browser, (body, series) -> table(body, series, series, 1)),
                new ConsoleRoute(
                        "`" + Ui.METRICS_FRAGMENT + "` table fragment, filtered, page 3",
                        Ui.METRICS_FRAGMENT + FRAGMENT_QUERY,
                        List.of("Cookie: " + cookie, "HX-Request: true"),
                        (body, series) -> filtered(body, series)),
                // What an open dashboard polls besides the table (issue 26): the page's own refresh, which
                // htmx sends with HX-Request, and the two banner fragments every page's frame polls.
                new ConsoleRoute(
                        "`/` dashboard, live refresh (htmx)",
                        Ui.DASHBOARD,
                        List.of("Cookie: " + cookie, "HX-Request: true", "HX-Target: " + Ui.ID_LIVE),
                        (body, series) -> table(body, series, series, 1)),
                new ConsoleRoute(
                        "`" + Ui.ALERTS_FRAGMENT + "` alert banners",
                        Ui.ALERTS_FRAGMENT,
                        List.of("Cookie: " + cookie, "HX-Request: true"),
                        (body, series) -> banner(body, Ui.ID_ALERT_BANNER)),
                new ConsoleRoute(
                        "`" + Ui.RECOVERY_FRAGMENT + "` recovery banner",
                        Ui.RECOVERY_FRAGMENT,
                        List.of("Cookie: " + cookie, "HX-Request: true"),
                        (body, series) -> banner(body, Ui.ID_RECOVERY_BANNER)),
                new ConsoleRoute("`" + Ui.API_METRICS + "` JSON", Ui.API_METRICS, List.of(), ConsoleRoute::json),
                new ConsoleRoute("`" + Ui.METRICS + "` Prometheus text", Ui.METRICS, List.of(), ConsoleRoute::text));
    }

    private static String table(String body, int matching, int series, int page) {
        Matcher count = COUNT.matcher(body);
        if (!count.find()) {
            throw new IllegalStateException("No \"N of M series\" line in the table:\n" + excerpt(body));
        }
        int pages = Math.max(1, (matching + MetricsTable.PAGE_SIZE - 1) / MetricsTable.PAGE_SIZE);
        String expected = matching + " of " + series + " series \u00b7 page " + page + " of " + pages;
        if (!count.group().equals(expected)) {
            throw new IllegalStateException("The table says \"" + count.group() + "\", expected \"" + expected + "\"");
        }
        long rows = ROW.matcher(body).results().count();
        if (rows != MetricsTable.PAGE_SIZE) {
            throw new IllegalStateException(rows + " rows in the table, expected " + MetricsTable.PAGE_SIZE);
        }
        return expected + ", " + rows + " rows";
    }

    private static String banner(String body, String id) {
        if (!body.contains("id=\"" + id + "\"")) {
            throw new IllegalStateException("No #" + id + " in the fragment:\n" + excerpt(body));
        }
        return "#" + id + (body.contains("hidden") ? ", hidden (nothing fires)" : ", shown");
    }

    private static String filtered(String body, int series) {
        String shown = table(body, ConsoleSeries.STEPS, series, 3);
        List<String> types =
                ROW.matcher(body).results().map(m -> m.group(1)).distinct().toList();
        List<String> labels =
                LABELS.matcher(body).results().map(m -> m.group(1)).toList();
        if (!types.equals(List.of("counter")) || !labels.stream().allMatch(l -> l.contains("failure"))) {
            throw new IllegalStateException("The filter let other rows through: " + types + " " + labels);
        }
        return shown + ", all counters with status failure";
    }

    private static String json(String body, int series) {
        try {
            JsonNode metrics = JSON.readTree(body).get("metrics");
            int n = 0;
            for (String kind : List.of("counters", "gauges", "histograms")) {
                for (JsonNode family : metrics.get(kind)) {
                    n += family.size();
                }
            }
            int quantiles = 0;
            for (JsonNode point : metrics.at("/histograms/tasker_task_duration_seconds")) {
                quantiles += point.has("quantiles") ? 1 : 0;
            }
            if (n != series || quantiles != ConsoleSeries.HISTOGRAMS) {
                throw new IllegalStateException("/api/metrics holds " + n + " series, expected " + series + ", and "
                        + quantiles + " histograms with quantiles, expected " + ConsoleSeries.HISTOGRAMS);
            }
            return n + " series, " + quantiles + " histograms with quantiles";
        } catch (IOException e) {
            throw new UncheckedIOException("/api/metrics is not JSON: " + excerpt(body), e);
        }
    }

    private static String text(String body, int series) {
        long tasks = lines(body, "tasker_task_executions_total{");
        long steps = lines(body, "tasker_step_executions_total{");
        long durations = lines(body, "tasker_task_duration_seconds_count{");
        long queues = lines(body, "tasker_queue_depth{");
        if (tasks != 2L * ConsoleSeries.TASKS
                || steps != 2L * ConsoleSeries.STEPS
                || durations != ConsoleSeries.HISTOGRAMS
                || queues != ConsoleSeries.QUEUES) {
            throw new IllegalStateException("/metrics holds " + tasks + " task, " + steps + " step, " + durations
                    + " duration and " + queues + " queue series");
        }
        return (tasks + steps + durations + queues) + " of our series, "
                + body.lines().count() + " lines";
    }

    private static long lines(String body, String prefix) {
        return body.lines().filter(l -> l.startsWith(prefix)).count();
    }

    private static String excerpt(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
