package io.tasker.metrics.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Route paths and DOM ids, shared by the handlers, the templates and the browser tests, so
 * that renaming one cannot silently break another (the jte tutorial's advice).
 */
public final class Ui {
    private Ui() {}

    // Pages.
    public static final String DASHBOARD = "/";
    public static final String EXPORTS_PAGE = "/exports";
    public static final String HEALTH_PAGE = "/health";
    public static final String RUNS_PAGE = "/runs";
    public static final String RUN_PAGE = "/runs/{task_id}";

    // htmx fragments.
    public static final String METRICS_FRAGMENT = "/ui/metrics";

    // The contract routes: scripts and probes depend on them, so they never move (docs/console.md).
    public static final String METRICS = "/metrics";
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String HEALTH_STATUS = "/health/status";
    public static final String API_METRICS = "/api/metrics";
    public static final String API_EXPORT = "/api/export";
    public static final String API_EXPORTS = "/api/exports";
    public static final String API_SYNC = "/api/sync";
    public static final String API_RUNS = "/api/runs";
    public static final String API_RUN = "/api/runs/{task_id}";

    // DOM ids.
    public static final String ID_METRICS_TABLE = "metrics-table";
    public static final String ID_FILTER_FORM = "metrics-filter";
    public static final String ID_FILTER_NAME = "filter-name";
    public static final String ID_FILTER_LABEL = "filter-label";
    public static final String ID_FILTER_TYPE = "filter-type";
    public static final String ID_POLL_INTERVAL = "poll-interval";
    public static final String ID_PAUSE = "pause-toggle";
    public static final String ID_STATUS = "status-panels";
    public static final String ID_SYNC_PANEL = "sync-panel";
    public static final String ID_SYNC_NOW = "sync-now";
    public static final String ID_SYNC_LAST = "sync-last";
    public static final String ID_EXPORT_PANEL = "export-panel";
    public static final String ID_EXPORT_FORMAT = "export-format";
    public static final String ID_EXPORT_NOW = "export-now";
    public static final String ID_EXPORT_LAST = "export-last";
    public static final String ID_EXPORT_NEXT = "export-next";
    public static final String ID_HISTORY = "export-history";
    public static final String ID_STALE_BANNER = "stale-banner";
    public static final String ID_THEME_TOGGLE = "theme-toggle";
    public static final String ID_DOWNLOAD_JSON = "download-json";
    public static final String ID_DOWNLOAD_CSV = "download-csv";
    public static final String ID_DOWNLOAD_PROMETHEUS = "download-prometheus";
    public static final String ID_HEALTH = "health-status";
    public static final String ID_EVENT_SUBSCRIBERS = "event-subscribers";
    public static final String ID_TELEMETRY = "telemetry";
    public static final String ID_HISTORY_SKIPPED = "history-skipped";
    public static final String ID_CARDINALITY = "cardinality";
    public static final String ID_RUNS_TABLE = "runs-table";
    public static final String ID_RUNS_PAGES = "runs-pages";
    public static final String ID_RUNS_FILTER = "runs-filter";
    public static final String ID_STEP_SUMMARY = "step-summary";
    public static final String ID_TIMELINE = "run-timeline";
    public static final String ID_TRACE_LINK = "trace-link";

    /** The page of one run: {@link #RUN_PAGE} with the id encoded. */
    public static String runPage(String taskId) {
        return RUNS_PAGE + "/" + pathSegment(taskId);
    }

    /** One run's JSON: {@link #API_RUN} with the id encoded. */
    public static String apiRun(String taskId) {
        return API_RUNS + "/" + pathSegment(taskId);
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // Charts, tasks and alerts from the history (issue 11).
    public static final String CHART_PAGE = "/chart";
    public static final String API_SERIES = "/api/series";
    public static final String TASKS_PAGE = "/tasks";
    public static final String API_TASKS = "/api/tasks";
    public static final String ALERTS_FRAGMENT = "/ui/alerts";
    /** The banner shown while the view is being written again after the store lost its data. */
    public static final String RECOVERY_FRAGMENT = "/ui/recovery";

    public static final String INSTANCES_PAGE = "/instances";
    public static final String API_INSTANCES = "/api/instances";
    public static final String ID_INSTANCES_TABLE = "instances-table";
    public static final String ID_CHART = "chart";
    public static final String ID_CHART_WINDOWS = "chart-windows";
    public static final String ID_CHART_NOTE = "chart-note";
    public static final String ID_CHART_RANGE = "chart-range";
    public static final String ID_CHART_FROM = "chart-from";
    public static final String ID_CHART_TO = "chart-to";
    public static final String ID_CHART_RESET = "chart-reset";
    public static final String ID_CHART_FIELDS = "chart-fields";
    public static final String ID_CHART_SUM_BY = "chart-sum-by";
    public static final String ID_CHART_CSV = "chart-csv";
    public static final String ID_CHART_MORE = "chart-more";
    public static final String ID_CHART_SERIES = "chart-series";
    public static final String ID_TASKS_TABLE = "tasks-table";
    public static final String ID_ALERT_BANNER = "alert-banner";
    public static final String ID_RECOVERY_BANNER = "recovery-banner";
    public static final String ID_SYNC_FAILING = "sync-failing";
    public static final String ID_HEADLINES = "headlines";

    // The live pages (issue 26): the region console.js refreshes, its age, and the menu of a narrow screen.
    /** The element every live page refreshes in place: its {@code main}. */
    public static final String ID_LIVE = "live";

    public static final String ID_LIVE_AGE = "live-age";
    public static final String ID_STORE_BANNER = "store-banner";
    public static final String ID_HEALTH_REASONS = "health-reasons";
    public static final String ID_ERROR = "error";
    public static final String ID_NAV = "nav";
    public static final String ID_NAV_TOGGLE = "nav-toggle";
    /** How often a live page refreshes, unless the dashboard's interval says otherwise. */
    public static final int LIVE_EVERY_SECONDS = 5;

    /** The CSRF header htmx sends with every request of the page. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public static final String CSRF_COOKIE = "tasker_csrf";
}
