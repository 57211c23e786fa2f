package io.tasker.metrics.runtime;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ExportConfig;
import io.tasker.metrics.config.ExportDestinations;
import io.tasker.metrics.config.SyncConfig;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.export.ExportCoordinator;
import io.tasker.metrics.export.ExportScheduler;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.CacheStores;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.SyncOptions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a configuration describes, built and wired: the registry, the store, the
 * collector that syncs to it, and the export coordinator. The console and the CLI start from
 * here; a service may too.
 *
 * <pre>{@code
 * try (TaskerRuntime runtime = TaskerRuntime.start(ConfigLoader.load(Optional.empty(), System.getenv()), Clock.SYSTEM,
 *         TaskerRuntime.Mode.INSTANCE)) {
 *     runtime.registry().counter("task_executions_total", "status").labels("success").inc();
 * }
 * }</pre>
 */
public final class TaskerRuntime implements AutoCloseable {
    /** How the runtime takes part in the cluster. */
    public enum Mode {
        /** Records, syncs every {@code telemetry.sync_interval} and once more on close: a service, the console. */
        INSTANCE,
        /** Reads and exports the cluster view and does housekeeping, but is no instance: the CLI. */
        OBSERVER
    }

    private final TaskerConfig config;
    private final MetricRegistry registry;
    private final CacheStore store;
    private final MetricsCollector collector;
    private final ClusterReader reader;
    private final ExportCoordinator coordinator;
    private final ExportScheduler scheduler;
    private final Clock clock;

    private TaskerRuntime(
            TaskerConfig config,
            MetricRegistry registry,
            CacheStore store,
            MetricsCollector collector,
            ClusterReader reader,
            ExportCoordinator coordinator,
            ExportScheduler scheduler,
            Clock clock) {
        this.config = config;
        this.registry = registry;
        this.store = store;
        this.collector = collector;
        this.reader = reader;
        this.coordinator = coordinator;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Builds everything the configuration describes: opens the store, and for an
     * {@link Mode#INSTANCE} starts the collector and, when {@code telemetry.scheduled_export} is
     * on, the export scheduler.
     *
     * @param config the loaded configuration
     * @param clock the time source for everything built
     * @param mode whether this process is an instance or only observes
     * @return the running runtime
     * @throws IllegalArgumentException for a cache URL that is malformed or of an unknown scheme
     * @throws io.tasker.metrics.store.StoreException when the store cannot be opened
     */
    public static TaskerRuntime start(TaskerConfig config, Clock clock, Mode mode) {
        ExportConfig export = config.export();
        MetricRegistry registry = new MetricRegistry(config.registry().options(clock));
        CacheStore store = CacheStores.open(config.cache().url(), config.cache().timeout(), clock);
        SyncOptions sync = syncOptions(config, store);
        MetricsCollector collector = mode == Mode.INSTANCE
                ? MetricsCollector.start(
                        registry, store, sync, config.telemetry().syncInterval(), clock)
                : null;
        // One writer (the collector's, for an instance) and one reader per process, so that exports
        // and the lock carry the id the instance writes under now, even after it woke up as id~1.
        ClusterReader reader = collector != null ? collector.reader() : new ClusterReader(store, sync, clock);
        Supplier<String> exporterId = collector != null ? collector::instanceId : sync::instanceId;
        ExportCoordinator coordinator = new ExportCoordinator(
                reader,
                exporterId,
                export.timing(),
                export.jobTimeout(),
                export.retryAttempts(),
                clock,
                d -> Thread.sleep(d.toMillis()));
        ExportScheduler scheduler = mode == Mode.INSTANCE && config.telemetry().scheduledExport()
                ? new ExportScheduler(
                                coordinator,
                                () -> ExportDestinations.forConfig(config, null, clock),
                                clock,
                                export.retentionWindow()
                                        .minus(export.safetyMargin())
                                        .minus(export.exportTimeout()))
                        .afterEach(() ->
                                export.retention().prune(config.telemetry().exportDirectory(), clock.instant()))
                        .start()
                : null;
        return new TaskerRuntime(config, registry, store, collector, reader, coordinator, scheduler, clock);
    }

    /**
     * The sync options a configuration gives. The instance id defaults to host and process id;
     * on a store that is not shared between hosts it is the host alone, so that a restarted
     * single-instance deployment finds its counts under the same id.
     *
     * @param config the configuration
     * @param store the store, whose declared capabilities decide the default id
     * @return the sync options, the instance timeout half the retention window
     */
    public static SyncOptions syncOptions(TaskerConfig config, CacheStore store) {
        String id = config.telemetry().instanceId();
        if (id == null) {
            id = store.declaredCapabilities().distributed() ? InstanceIds.forThisProcess() : InstanceIds.forThisHost();
        }
        SyncConfig s = config.sync();
        return new SyncOptions(
                config.cache().namespace(),
                id,
                s.batchSize(),
                s.retentionWindow(),
                s.retentionWindow().dividedBy(2),
                s.includeInstanceLabels(),
                s.failureThreshold());
    }

    /**
     * The configuration this runtime was built from.
     *
     * @return the configuration given to {@link #start}
     */
    public TaskerConfig config() {
        return config;
    }

    /**
     * The registry, named and bounded as the configuration says.
     *
     * @return this process's registry
     */
    public MetricRegistry registry() {
        return registry;
    }

    /**
     * The collector that syncs this process's registry; empty for an observer.
     *
     * @return the collector, or empty
     */
    public Optional<MetricsCollector> collector() {
        return Optional.ofNullable(collector);
    }

    /**
     * The id this process writes and exports under: the collector's now, or the configured one.
     *
     * @return the instance id
     */
    public String instanceId() {
        return collector != null ? collector.instanceId() : reader.options().instanceId();
    }

    /**
     * The shared store the configuration names.
     *
     * @return the open store
     */
    public CacheStore store() {
        return store;
    }

    /**
     * The store's status: the collector's, or for an observer a probe made now.
     *
     * @return the store's status
     */
    public StoreStatus storeStatus() {
        if (collector != null) {
            return collector.storeStatus();
        }
        return StoreStatus.probe(store, reader.options().keys(), clock.instant());
    }

    /**
     * Reads the cluster view and does housekeeping, apart from the collector's own syncing.
     *
     * @return the cluster reader
     */
    public ClusterReader cluster() {
        return reader;
    }

    /**
     * Runs exports of the cluster view, coordinated or on demand.
     *
     * @return the export coordinator
     */
    public ExportCoordinator coordinator() {
        return coordinator;
    }

    /**
     * The in-process export scheduler, when {@code telemetry.scheduled_export} is on.
     *
     * @return the scheduler, or empty
     */
    public Optional<ExportScheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** Stops the scheduler, then closes the collector (which syncs one last time) or, for an observer, the store. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.close();
        }
        if (collector != null) {
            collector.close();
        } else {
            store.close();
        }
    }
}
