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
import io.tasker.metrics.console.dashboard.DashboardController;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.demo.DemoWorkload;
import io.tasker.metrics.console.export.ExportController;
import io.tasker.metrics.console.export.ExportHistoryRepository;
import io.tasker.metrics.console.export.ExportService;
import io.tasker.metrics.console.export.HistoryTick;
import io.tasker.metrics.console.export.Retention;
import io.tasker.metrics.export.ExportRetention;
import io.tasker.metrics.console.health.HealthController;
import io.tasker.metrics.console.metrics.MetricsController;
import io.tasker.metrics.console.security.Denied;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.sync.SyncController;
import io.tasker.metrics.console.sync.SyncService;
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
    /** A page waits for the view one store timeout and this: one slow answer passes, a retry after a hang does not. */
    private static final java.time.Duration VIEW_SLACK = java.time.Duration.ofMillis(500);

    private final TaskerRuntime runtime;
    private final Database database;
    private final DemoWorkload demo;
    private final Javalin app;
    private final ConsoleContext context;
    private final HistoryTick historyTick;

    private Console(TaskerRuntime runtime, Database database, DemoWorkload demo, Javalin app, ConsoleContext context,
                    HistoryTick historyTick) {
        this.runtime = runtime;
        this.database = database;
        this.demo = demo;
        this.app = app;
        this.context = context;
        this.historyTick = historyTick;
    }

    /**
     * Starts everything; fails fast with a clear message on bad settings (an exposed bind address
     * without credentials, a database that cannot be opened).
     */
    public static Console start(TaskerConfig config, Clock clock, boolean demo) {
        ConsoleSettings settings = ConsoleSettings.from(config);
        settings.checkExposure();
        Database database = Database.open(settings.databaseUrl());
        TaskerRuntime runtime;
        try {
            runtime = TaskerRuntime.start(config, clock, TaskerRuntime.Mode.INSTANCE);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            ConsoleMetrics metrics = new ConsoleMetrics(runtime.registry());
            DemoWorkload workload = demo ? new DemoWorkload(runtime.registry()).start() : null;
            ExportHistoryRepository history = new ExportHistoryRepository(database);
            ConsoleContext context = new ConsoleContext(settings, runtime, database,
                    new SyncService(runtime.collector().orElseThrow(), metrics),
                    new ExportService(runtime, history, metrics, clock),
                    new ViewCache(runtime.cluster(), clock, config.cache().timeout().plus(VIEW_SLACK)),
                    Templates.create(settings.dev(), Path.of("console/src/main/jte")), clock,
                    new Retention(history, settings.historyRetention(), ExportRetention.of(config),
                            config.telemetry().exportDirectory(), clock));
            if (demo) {
                context.sync().syncNow();
            }
            Javalin app = listen(server(context), settings);
            LOG.info("Tasker Metrics console on http://{}:{}/ (store {}, strategy {})", settings.host(), app.port(),
                    runtime.store().description(), context.sync().status().strategy().word());
            HistoryTick tick = HistoryTick.start(context.exports(), context.retention(), clock, HistoryTick.EVERY);
            return new Console(runtime, database, workload, app, context, tick);
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
            config.http.prefer405over404 = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            new Security(context.settings(), context.clock()).register(config.routes);
            new DashboardController(context).register(config.routes);
            new SyncController(context).register(config.routes);
            new ExportController(context).register(config.routes);
            new HealthController(context).register(config.routes);
            new MetricsController(context).register(config.routes);
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage()));
            config.routes.exception(Denied.class, (e, ctx) -> {
                e.headers().forEach(ctx::header);
                ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            });
        });
    }

    private static Javalin listen(Javalin app, ConsoleSettings settings) {
        try {
            return app.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port()
                    + ": the port is in use by another process; stop it, or give another port with --port N "
                    + "(console.port, TASKER_CONSOLE_PORT)", e);
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
        context.exports().importShared();
    }

    /** Applies retention now (history rows and export files), as the background tick does every hour. */
    public Retention.Pruned applyRetention() {
        return context.retention().prune();
    }

    @Override
    public void close() {
        historyTick.close();
        app.stop();
        if (demo != null) {
            demo.close();
        }
        runtime.close();
        database.close();
    }

}
