package io.tasker.metrics.console;

import io.tasker.metrics.Clock;
import io.tasker.metrics.console.alerts.Alerts;
import io.tasker.metrics.console.chart.Sparklines;
import io.tasker.metrics.console.config.AlertSettings;
import io.tasker.metrics.console.config.ConsoleSettings;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.db.ExportHistoryRepository;
import io.tasker.metrics.console.db.Lease;
import io.tasker.metrics.console.health.HealthSources;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.instances.InstancesService;
import io.tasker.metrics.console.runs.RunsService;
import io.tasker.metrics.console.service.ConsoleMetrics;
import io.tasker.metrics.console.service.ExportService;
import io.tasker.metrics.console.service.Retention;
import io.tasker.metrics.console.service.SyncService;
import io.tasker.metrics.console.service.ViewCache;
import io.tasker.metrics.console.status.StatusService;
import io.tasker.metrics.console.tasks.Headlines;
import io.tasker.metrics.console.tasks.TaskStats;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.runs.RecentRuns;
import io.tasker.metrics.runs.RunsOptions;
import io.tasker.metrics.runs.RunsReader;
import io.tasker.metrics.runs.RunsSync;
import io.tasker.metrics.runtime.MetricsCollector;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.subscribers.telemetry.SpanStats;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The console's services, built once by {@link Console} and handed out one by one: each
 * controller takes the few it uses, so no feature reaches into another through a shared bag.
 */
record Services(
        ConsoleSettings settings,
        TaskerRuntime runtime,
        Database database,
        SyncService sync,
        ExportService exports,
        ViewCache views,
        StatusService status,
        Templates templates,
        Clock clock,
        EventPublisher events,
        RunsService runs,
        Retention retention,
        HistoryService valueHistory,
        TaskStats tasks,
        Alerts alerts,
        Sparklines sparklines,
        Headlines headlines,
        InstancesService instances,
        Supplier<Optional<SpanStats>> spans) {
    /** A page waits for the view one store timeout and this: one slow answer passes, a retry after a hang does not. */
    private static final Duration VIEW_SLACK = Duration.ofMillis(500);

    /**
     * Consoles on one PostgreSQL database take turns at sampling (a lease row): each instant is
     * sampled once, and the history goes on when the sampling console stops or dies. A lease
     * lasts three sample intervals, so that one slow tick does not hand it over.
     */
    private static HistoryService.Turn samplingTurn(
            Database database, HistorySettings settings, Clock clock, String instanceId) {
        Lease lease = new Lease(
                database.dataSource(),
                "history",
                instanceId + "/" + UUID.randomUUID(),
                settings.sampleInterval().multipliedBy(3),
                clock);
        return new HistoryService.Turn() {
            @Override
            public boolean mine() throws SQLException {
                return lease.hold();
            }

            @Override
            public void release() throws SQLException {
                lease.release();
            }
        };
    }

    static Services wire(
            ConsoleSettings settings,
            TaskerRuntime runtime,
            Database database,
            ConsoleMetrics metrics,
            EventPublisher events,
            Supplier<Optional<SpanStats>> spans,
            Clock clock) {
        MetricsCollector collector = runtime.collector().orElseThrow();
        // The recent runs of this instance go to the store with each sync, beside its metrics.
        RecentRuns recent = new RecentRuns(RunsOptions.from(runtime.config()), clock);
        events.subscribe(recent);
        KeyLayout keys = new KeyLayout(runtime.config().cache().namespace());
        collector.attach(new RunsSync(runtime.store(), keys, recent, clock));
        SyncService sync = new SyncService(collector, metrics);
        ExportHistoryRepository history = new ExportHistoryRepository(database);
        ExportService exports = new ExportService(runtime, history, metrics, clock);
        ViewCache views = new ViewCache(
                runtime.cluster(), clock, runtime.config().cache().timeout().plus(VIEW_SLACK));
        StatusService status = new StatusService(
                sync, exports, views, clock, runtime.config().telemetry().staleExportThreshold());
        Templates templates = Templates.create(settings.dev());
        RunsService runs = new RunsService(
                recent,
                new RunsReader(runtime.store(), keys),
                views,
                collector::instanceId,
                runtime.registry().options());
        Retention retention = new Retention(
                history,
                settings.historyRetention(),
                runtime.config().export().retention(),
                runtime.config().telemetry().exportDirectory(),
                clock);
        // The history of values samples the same cluster view the pages show; the alerts judge each new sample.
        HistoryService valueHistory = new HistoryService(
                database.dataSource(),
                HistorySettings.from(runtime.config()),
                clock,
                () -> views.get().snapshot(),
                () -> runtime.cluster().lastClusterSync());
        AlertSettings alertSettings = AlertSettings.from(runtime.config());
        TaskStats tasks =
                new TaskStats(valueHistory, runtime.registry().options()::prefixed, alertSettings.errorRate());
        InstancesService instances = new InstancesService(
                runtime.cluster(),
                clock,
                runtime.config().telemetry().syncInterval(),
                List.of(
                        runtime.registry().options().prefixed("task_executions"),
                        runtime.registry().options().prefixed("step_executions")));
        Alerts alerts = new Alerts(runtime.registry(), tasks, instances, alertSettings);
        valueHistory.onSample(alerts::evaluate);
        if (database.shared()) {
            valueHistory.takeTurns(samplingTurn(database, valueHistory.settings(), clock, collector.instanceId()));
        }
        Headlines headlines =
                new Headlines(valueHistory, tasks, runtime.registry().options()::prefixed);
        return new Services(
                settings,
                runtime,
                database,
                sync,
                exports,
                views,
                status,
                templates,
                clock,
                events,
                runs,
                retention,
                valueHistory,
                tasks,
                alerts,
                new Sparklines(valueHistory),
                headlines,
                instances,
                spans);
    }

    /** What the health checks look at, from the services above. */
    HealthSources health() {
        return new HealthSources(
                sync,
                exports,
                status,
                views,
                database,
                runtime.store(),
                runtime.registry(),
                events,
                retention,
                spans,
                valueHistory);
    }
}
