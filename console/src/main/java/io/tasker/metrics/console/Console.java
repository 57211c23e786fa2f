package io.tasker.metrics.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tasker.metrics.Clock;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.alerts.AlertSettings;
import io.tasker.metrics.console.alerts.Alerts;
import io.tasker.metrics.console.alerts.AlertsController;
import io.tasker.metrics.console.chart.ChartController;
import io.tasker.metrics.console.dashboard.DashboardController;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.demo.DemoWorkload;
import io.tasker.metrics.console.export.ExportController;
import io.tasker.metrics.console.export.ExportHistoryRepository;
import io.tasker.metrics.console.export.ExportService;
import io.tasker.metrics.console.health.HealthController;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.metrics.MetricsController;
import io.tasker.metrics.console.security.Denied;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.sync.SyncController;
import io.tasker.metrics.console.sync.SyncService;
import io.tasker.metrics.console.tasks.TaskStats;
import io.tasker.metrics.console.tasks.TasksController;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.runtime.TaskerRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations console: a collector instance of its own (it records, syncs and exports like
 * any service), an H2 export history, and a Javalin server for the pages and the API.
 *
 * <pre>{@code
 * try (Console console = Console.start(config, Clock.SYSTEM, true)) {
 *     System.out.println("http://127.0.0.1:" + console.port());
 * }
 * }</pre>
 */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final TaskerRuntime runtime;
    private final Database database;
    private final DemoWorkload demo;
    private final Javalin app;
    private final HistoryService history;

    private Console(TaskerRuntime runtime, Database database, DemoWorkload demo, Javalin app, HistoryService history) {
        this.runtime = runtime;
        this.database = database;
        this.demo = demo;
        this.app = app;
        this.history = history;
    }

    /**
     * Starts everything; fails fast with a clear message on bad settings (an exposed bind address
     * without credentials, a database that cannot be opened).
     */
    public static Console start(TaskerConfig config, Clock clock, boolean demo) {
        ConsoleSettings settings = ConsoleSettings.from(config);
        settings.checkExposure();
        Database database = Database.open(settings.databaseUrl());
        TaskerRuntime runtime = TaskerRuntime.start(config, clock, TaskerRuntime.Mode.INSTANCE);
        try {
            ConsoleMetrics metrics = new ConsoleMetrics(runtime.registry());
            DemoWorkload workload = demo ? new DemoWorkload(runtime.registry()).start() : null;
            ViewCache views = new ViewCache(runtime.cluster(), clock);
            HistoryService history = new HistoryService(database.dataSource(), HistorySettings.from(config), clock,
                    () -> views.get().snapshot());
            TaskStats tasks = new TaskStats(history, runtime.registry().options()::prefixed,
                    AlertSettings.from(config).errorRate());
            Alerts alerts = new Alerts(runtime.registry(), tasks, AlertSettings.from(config));
            history.onSample(alerts::evaluate);
            ConsoleContext context = new ConsoleContext(settings, runtime, database,
                    new SyncService(runtime.collector().orElseThrow(), metrics),
                    new ExportService(runtime, new ExportHistoryRepository(database), metrics, clock),
                    views, Templates.create(settings.dev(), Path.of("console/src/main/jte")), clock, history,
                    tasks, alerts);
            if (demo) {
                context.sync().syncNow();
            }
            Javalin app = server(context).start(settings.host(), settings.port());
            history.start();
            LOG.info("Tasker Metrics console on http://{}:{}/ (store {}, strategy {})", settings.host(), app.port(),
                    runtime.store().description(), context.sync().status().strategy().word());
            return new Console(runtime, database, workload, app, history);
        } catch (RuntimeException e) {
            runtime.close();
            database.close();
            throw e;
        }
    }

    private static Javalin server(ConsoleContext context) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            new Security(context.settings()).register(config.routes);
            new DashboardController(context).register(config.routes);
            new SyncController(context).register(config.routes);
            new ExportController(context).register(config.routes);
            new HealthController(context).register(config.routes);
            new MetricsController(context).register(config.routes);
            new ChartController(context).register(config.routes);
            new TasksController(context).register(config.routes);
            new AlertsController(context).register(config.routes);
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage()));
            config.routes.exception(Denied.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            });
        });
    }

    public int port() {
        return app.port();
    }

    public TaskerRuntime runtime() {
        return runtime;
    }

    /** The history of values, for tests that drive its ticks. */
    public HistoryService history() {
        return history;
    }

    @Override
    public void close() {
        app.stop();
        history.close();
        if (demo != null) {
            demo.close();
        }
        runtime.close();
        database.close();
    }

}
