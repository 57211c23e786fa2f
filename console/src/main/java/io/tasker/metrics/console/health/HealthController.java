package io.tasker.metrics.console.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.DatabaseFile;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.service.ExportService;
import io.tasker.metrics.console.service.Retention;
import io.tasker.metrics.console.service.SyncService;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.status.Staleness;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.web.Layout;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.runtime.StoreStatus;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.subscribers.telemetry.SpanStats;
import io.tasker.metrics.sync.SyncResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Health: {@code /health/live} (the process answers), {@code /health/ready} (the store and the
 * database answer, each within a timeout; 503 only when one really does not; a status per check,
 * never the error, since probes need no login), {@code
 * /health/status} (JSON) and the health page. Readiness must be able to say yes, or a
 * Kubernetes rollout never finishes.
 */
public final class HealthController {
    private static final long READY_TIMEOUT_MS = 2_000;

    private final SyncService sync;
    private final ExportService exports;
    private final StatusService status;
    private final ViewCache views;
    private final Database database;
    private final CacheStore store;
    private final MetricRegistry own;
    private final EventPublisher events;
    private final Templates templates;
    private final Retention retention;
    private final Supplier<Optional<SpanStats>> spans;
    private final HistoryService history;

    /**
     * @param sources what the checks look at (the console's own registry is reported when the
     *     cluster view cannot be read; spans are empty when traces are off)
     * @param templates the health page's template
     */
    public HealthController(HealthSources sources, Templates templates) {
        this.sync = sources.sync();
        this.exports = sources.exports();
        this.status = sources.status();
        this.views = sources.views();
        this.database = sources.database();
        this.store = sources.store();
        this.own = sources.own();
        this.events = sources.events();
        this.templates = templates;
        this.retention = sources.retention();
        this.spans = sources.spans();
        this.history = sources.history();
    }

    public void register(RoutesConfig routes) {
        routes.get(Ui.HEALTH_LIVE, ctx -> ctx.json(Map.of("status", "ok")));
        routes.get(Ui.HEALTH_READY, this::ready);
        routes.get(Ui.HEALTH_STATUS, ctx -> ctx.json(report()));
        routes.get(
                Ui.HEALTH_PAGE,
                ctx -> templates.render(
                        ctx,
                        "health/health.jte",
                        new HealthPage(
                                new Layout("Health", Security.csrfToken(ctx), "health", status.staleness()),
                                report())));
    }

    /**
     * Answers anyone (probes carry no login) with a status per check and nothing more: the
     * store's error names its address, and sometimes more; {@code /health/status} has it.
     */
    private void ready(Context ctx) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("cache", statusOnly(pingStore()));
        checks.put("database", statusOnly(timed(() -> database.ping() ? "ok" : "no answer")));
        boolean ready = checks.values().stream().allMatch("ok"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "not ready");
        body.put("checks", checks);
        ctx.status(ready ? 200 : 503).json(body);
    }

    private static String statusOnly(String check) {
        return "ok".equals(check) ? "ok" : check.startsWith("no answer within") ? "timeout" : "failing";
    }

    private String pingStore() {
        return timed(() -> {
            store.ping();
            return "ok";
        });
    }

    private static String timed(Supplier<String> check) {
        try {
            return CompletableFuture.supplyAsync(check).get(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "no answer within " + READY_TIMEOUT_MS + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        }
    }

    /** The file's size and live content; null for an in-memory database or one that fails to say. */
    private DatabaseFile databaseFile() {
        try {
            DatabaseFile file = database.file();
            return file.bytes() > 0 ? file : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Why the console is degraded, each reason once, in words: empty when it is ok. The last sync
     * or export that failed is enough: the page must not say "ok" above a red error.
     */
    private static List<String> reasons(
            boolean cacheHealthy, boolean db, Staleness stale, SyncResult last, ExportRecord lastExport) {
        List<String> reasons = new ArrayList<>();
        if (!cacheHealthy) {
            reasons.add("the cache store cannot be read");
        }
        if (last != null && !last.success()) {
            reasons.add("the last sync failed");
        }
        if (!db) {
            reasons.add("the database does not answer");
        }
        if (lastExport != null && lastExport.outcome() == ExportRecord.Outcome.FAILED) {
            reasons.add("the last export failed");
        }
        if (stale.stale()) {
            reasons.add("exports are stale");
        }
        return List.copyOf(reasons);
    }

    /** The report for /health/status and the health page. */
    public HealthReport report() {
        StoreStatus storeStatus = sync.status();
        SyncResult last = sync.last().orElse(null);
        ExportRecord lastExport = exports.last().orElse(null);
        Staleness stale = status.staleness();
        // Asked now, as /health/ready asks, not taken from the last sync: the two never disagree,
        // and a store that does not answer costs one timeout, not one per read.
        String ping = pingStore();
        boolean cacheHealthy = "ok".equals(ping);
        String cacheError = cacheHealthy ? null : ping;
        MetricsSnapshot view = own.snapshot();
        if (cacheHealthy) {
            try {
                view = views.get().snapshot();
            } catch (StoreException e) {
                cacheHealthy = false;
                cacheError = e.getMessage();
            }
        }
        boolean db = database.ping();
        boolean syncFailing = sync.failing();
        List<String> reasons = reasons(cacheHealthy, db, stale, last, lastExport);
        return new HealthReport(
                reasons.isEmpty() ? "ok" : "degraded",
                reasons,
                sync.instanceId(),
                view.families().size(),
                view.seriesCount(),
                storeStatus.strategy().word(),
                storeStatus.description(),
                cacheHealthy,
                cacheError,
                last == null ? null : last.at(),
                last == null ? null : last.error(),
                last == null ? 0 : last.failureStreak(),
                syncFailing,
                db,
                db ? databaseFile() : null,
                database.waiting().orElse(null),
                lastExport == null ? null : lastExport.at(),
                lastExport == null ? null : lastExport.outcome().name().toLowerCase(Locale.ROOT),
                stale.lastSuccess(),
                stale.stale(),
                stale.threshold().toSeconds(),
                events.stats(),
                spans.get().map(TelemetryHealth::of).orElse(null),
                retention.report(),
                history.status());
    }
}
