package io.tasker.metrics.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.tasker.metrics.Clock;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.console.dashboard.DashboardController;
import io.tasker.metrics.console.db.Database;
import io.tasker.metrics.console.demo.DemoWorkload;
import io.tasker.metrics.console.export.ExportController;
import io.tasker.metrics.console.export.ExportHistoryRepository;
import io.tasker.metrics.console.export.ExportService;
import io.tasker.metrics.console.health.HealthController;
import io.tasker.metrics.console.metrics.MetricsController;
import io.tasker.metrics.console.runs.RunsController;
import io.tasker.metrics.console.runs.RunsService;
import io.tasker.metrics.runs.RecentRuns;
import io.tasker.metrics.runs.RunsOptions;
import io.tasker.metrics.runs.RunsReader;
import io.tasker.metrics.runs.RunsSync;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.console.security.Denied;
import io.tasker.metrics.console.security.Security;
import io.tasker.metrics.console.sync.SyncController;
import io.tasker.metrics.console.sync.SyncService;
import io.tasker.metrics.console.web.Templates;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.subscribers.Subscribers;
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
    private final Subscribers events;
    private final DemoWorkload demo;
    private final Javalin app;

    private Console(TaskerRuntime runtime, Database database, Subscribers events, DemoWorkload demo, Javalin app) {
        this.runtime = runtime;
        this.database = database;
        this.events = events;
        this.demo = demo;
        this.app = app;
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
        Subscribers events = null;
        try {
            ConsoleMetrics metrics = new ConsoleMetrics(runtime.registry());
            events = Subscribers.start(config, System.getenv(), runtime.registry());
            RecentRuns recent = new RecentRuns(RunsOptions.from(config), clock);
            events.publisher().subscribe(recent);
            KeyLayout keys = new KeyLayout(config.cache().namespace());
            runtime.collector().orElseThrow().attach(new RunsSync(runtime.store(), keys, recent, clock));
            ViewCache views = new ViewCache(runtime.cluster(), clock);
            DemoWorkload workload = demo ? new DemoWorkload(events.publisher(), runtime.registry(), clock).start() : null;
            ConsoleContext context = new ConsoleContext(settings, runtime, database,
                    new SyncService(runtime.collector().orElseThrow(), metrics),
                    new ExportService(runtime, new ExportHistoryRepository(database), metrics, clock),
                    views, Templates.create(settings.dev(), Path.of("console/src/main/jte")), clock, events.publisher(),
                    new RunsService(recent, new RunsReader(runtime.store(), keys), views,
                            runtime.collector().orElseThrow()::instanceId, runtime.registry().options()));
            if (demo) {
                events.publisher().awaitIdle(java.time.Duration.ofSeconds(5)); // The first round's metrics, then the sync.
                context.sync().syncNow();
            }
            Javalin app = server(context).start(settings.host(), settings.port());
            LOG.info("Tasker Metrics console on http://{}:{}/ (store {}, strategy {}, event subscribers {})", settings.host(),
                    app.port(), runtime.store().description(), context.sync().status().strategy().word(), events.names());
            return new Console(runtime, database, events, workload, app);
        } catch (RuntimeException e) {
            if (events != null) {
                events.close();
            }
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
            new RunsController(context).register(config.routes);
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

    @Override
    public void close() {
        app.stop();
        if (demo != null) {
            demo.close();
        }
        events.close(); // Drained before the runtime's last sync, so the last events' metrics are in it.
        runtime.close();
        database.close();
    }

}
