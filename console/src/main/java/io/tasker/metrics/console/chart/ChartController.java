package io.tasker.metrics.console.chart;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /chart} (the page) and {@code GET /api/series} (its data). */
public final class ChartController {
    private final HistoryService history;
    private final StatusService status;
    private final Templates templates;
    private final SeriesReader reader;

    public ChartController(HistoryService history, StatusService status, Templates templates) {
        this.history = history;
        this.status = status;
        this.templates = templates;
        this.reader = new SeriesReader(history.store(), history.settings());
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.CHART_PAGE, this::page);
        routes.get(Ui.API_SERIES, this::series);
    }

    private void series(Context ctx) throws SQLException {
        String name = required(ctx);
        Window window = Window.parse(ctx.queryParam("window"), Window.CHART);
        ctx.json(reader.read(
                name, ctx.queryParams("labels"), window, history.clock().wallTimeMillis() / 1000));
    }

    private void page(Context ctx) throws SQLException {
        String asked = blank(ctx.queryParam("name"));
        List<String> labels = ctx.queryParams("labels");
        Window window = Window.parse(ctx.queryParam("window"), Window.CHART);
        // Checked here too, so that a bad link answers 400 with the reason rather than an empty chart;
        // the page goes on under the family's name, which a sample name such as _total led to.
        String name = asked == null
                ? null
                : reader.read(asked, labels, Window.M15, history.clock().wallTimeMillis() / 1000)
                        .name();
        List<ChartPage.WindowLink> links = new ArrayList<>();
        for (Window w : Window.CHART) {
            links.add(new ChartPage.WindowLink(
                    w.word(), name == null ? Ui.CHART_PAGE : href(name, labels, w), w == window));
        }
        Layout layout =
                new Layout(name == null ? "Charts" : name, Security.csrfToken(ctx), "chart", status.staleness());
        templates.render(
                ctx,
                "chart/chart.jte",
                new ChartPage(
                        layout,
                        name,
                        labels,
                        window,
                        name == null ? null : query(Ui.API_SERIES, name, labels, window),
                        links,
                        history.store().names(),
                        history.status(),
                        name == null ? List.of() : seriesOf(name)));
    }

    private List<String> seriesOf(String name) throws SQLException {
        return history.store().family(name).stream().map(r -> r.key().labels()).toList();
    }

    /** The chart page of a family, or of some of its series, over a window. */
    public static String href(String name, List<String> labels, Window window) {
        return query(Ui.CHART_PAGE, name, labels, window);
    }

    private static String query(String path, String name, List<String> labels, Window window) {
        StringBuilder sb = new StringBuilder(path).append("?name=").append(encode(name));
        for (String l : labels) {
            sb.append("&labels=").append(encode(l));
        }
        return sb.append("&window=").append(window.word()).toString();
    }

    private static String required(Context ctx) {
        String name = blank(ctx.queryParam("name"));
        if (name == null) {
            throw new IllegalArgumentException(
                    "name is missing: ask for a family, e.g. " + Ui.API_SERIES + "?name=tasker_queue_depth&window=1h");
        }
        return name;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
