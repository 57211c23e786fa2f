package io.tasker.metrics.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.tasker.metrics.Clock;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.alerts.AlertsController;
import io.tasker.metrics.console.chart.ChartController;
import io.tasker.metrics.console.config.ConsoleSettings;
import io.tasker.metrics.console.dashboard.DashboardController;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.demo.DemoWorkload;
import io.tasker.metrics.console.export.ExportController;
import io.tasker.metrics.console.health.HealthController;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.instances.InstancesController;
import io.tasker.metrics.console.metrics.MetricsController;
import io.tasker.metrics.console.runs.RunsController;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.service.ConsoleMetrics;
import io.tasker.metrics.console.service.ExportHistoryTick;
import io.tasker.metrics.console.service.Retention;
import io.tasker.metrics.console.sync.SyncController;
import io.tasker.metrics.console.tasks.TasksController;
import io.tasker.metrics.console.web.ErrorPages;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.subscribers.Subscribers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private final Subscribers events;
    private final DemoWorkload demo;
    private final Javalin app;
    private final Services services;
    private final ExportHistoryTick exportHistoryTick;

    private Console(
            TaskerRuntime runtime,
            Database database,
            Subscribers events,
            DemoWorkload demo,
            Javalin app,
            Services services,
            ExportHistoryTick exportHistoryTick) {
        this.runtime = runtime;
        this.database = database;
        this.events = events;
        this.demo = demo;
        this.app = app;
        this.services = services;
        this.exportHistoryTick = exportHistoryTick;
    }

    /**
     * Starts everything; fails fast with a clear message on bad settings (an exposed bind address
     * without credentials, a database that cannot be opened).
     */
    public static Console start(TaskerConfig config, Clock clock, boolean demo) {
        return start(config, System.getenv(), clock, demo);
    }

    /**
     * Starts everything with the given environment for the event subscribers (the standard
     * {@code OTEL_*} variables configure traces), so that an embedded console never reads the
     * machine's.
     *
     * @param config the loaded configuration
     * @param env the environment variables the subscribers read
     * @param clock the clock
     * @param demo whether to run the demo workload
     * @return the running console
     */
    public static Console start(TaskerConfig config, Map<String, String> env, Clock clock, boolean demo) {
        ConsoleSettings settings = ConsoleSettings.from(config);
        settings.checkExposure();
        Database database = Database.start(settings.databaseUrl(), settings.databaseLogin(), settings.databaseWait());
        TaskerRuntime runtime;
        try {
            runtime = TaskerRuntime.start(config, clock, TaskerRuntime.Mode.INSTANCE);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Subscribers events = null;
        try {
            ConsoleMetrics metrics = new ConsoleMetrics(runtime.registry());
            events = Subscribers.start(
                    config,
                    env,
                    runtime.registry(),
                    runtime.collector().map(c -> c.instanceId()).orElse(null));
            Services services =
                    Services.wire(settings, runtime, database, metrics, events.publisher(), events::spans, clock);
            DemoWorkload workload =
                    demo ? new DemoWorkload(events.publisher(), runtime.registry(), clock).start() : null;
            if (demo) {
                events.publisher().awaitIdle(Duration.ofSeconds(5)); // The first round's metrics, then the sync.
                services.sync().syncNow();
            }
            Javalin app = listen(server(services), settings);
            LOG.info(
                    "Tasker Metrics console on {} (store {}, strategy {}, event subscribers {})",
                    ConsoleMain.url(settings.host(), app.port()),
                    runtime.store().description(),
                    services.sync().status().strategy().word(),
                    events.names());
            ExportHistoryTick tick =
                    ExportHistoryTick.start(services.exports(), services.retention(), clock, ExportHistoryTick.EVERY);
            services.valueHistory().start();
            return new Console(runtime, database, events, workload, app, services, tick);
        } catch (RuntimeException e) {
            if (events != null) {
                events.close();
            }
            runtime.close();
            database.close();
            throw e;
        }
    }

    private static Javalin server(Services s) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            new Security(s.settings(), s.clock()).register(config.routes);
            new DashboardController(s.views(), s.status(), s.templates(), s.clock(), s.sparklines(), s.headlines())
                    .register(config.routes);
            new SyncController(s.sync(), s.views(), s.status(), s.templates()).register(config.routes);
            new ExportController(s.exports(), s.views(), s.status(), s.templates(), s.clock()).register(config.routes);
            new HealthController(s.health(), s.templates()).register(config.routes);
            new MetricsController(s.views(), s.runtime().registry()).register(config.routes);
            new RunsController(s.runs(), s.status(), s.templates(), s.settings().traceUrl()).register(config.routes);
            new ChartController(s.valueHistory(), s.status(), s.templates()).register(config.routes);
            new TasksController(s.tasks(), s.runs(), s.status(), s.templates()).register(config.routes);
            new AlertsController(s.alerts(), s.sync()::status, s.templates()).register(config.routes);
            new InstancesController(
                            s.instances(),
                            s.status(),
                            s.templates(),
                            s.runtime().config().telemetry().syncInterval())
                    .register(config.routes);
            new ErrorPages(s.templates()).register(config.routes);
        });
    }

    private static Javalin listen(Javalin app, ConsoleSettings settings) {
        try {
            return app.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            throw new IllegalStateException(
                    "Cannot listen on " + settings.host() + ":" + settings.port()
                            + ": the port is in use by another process; stop it, or give another port with --port N "
                            + "(console.port, TASKER_CONSOLE_PORT)",
                    e);
        }
    }

    public int port() {
        return app.port();
    }

    public TaskerRuntime runtime() {
        return runtime;
    }

    /** Imports the shared export record into the H2 history now, as the background tick does every few seconds. */
    public void importHistory() {
        services.exports().importShared();
    }

    /** Applies retention now (history rows and export files), as the background tick does every hour. */
    public Retention.Pruned applyRetention() {
        return services.retention().prune();
    }

    /**
     * Completes when the database is open: at once, unless another process held the H2 file at
     * start (a rolling restart), then when this console has taken it over; fails when it gave up
     * waiting ({@code console.database_wait}).
     *
     * @return the database's readiness
     */
    public CompletableFuture<Void> databaseReady() {
        return database.ready();
    }

    /** The history of values, for tests that drive its ticks. */
    public HistoryService history() {
        return services.valueHistory();
    }

    @Override
    public void close() {
        exportHistoryTick.close();
        services.valueHistory().close();
        app.stop();
        if (demo != null) {
            demo.close();
        }
        events.close(); // Drained before the runtime's last sync, so the last events' metrics are in it.
        runtime.close();
        database.close();
    }
}
