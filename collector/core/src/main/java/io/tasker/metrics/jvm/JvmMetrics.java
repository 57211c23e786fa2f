package io.tasker.metrics.jvm;

import io.tasker.metrics.MetricRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The JVM's and the process's own metrics under the names Prometheus' client_java
 * ({@code JvmMetrics}) and the Prometheus conventions use, so that standard JVM dashboards find
 * them: {@code jvm_memory_used_bytes{area}}, {@code jvm_memory_pool_used_bytes{pool}},
 * {@code jvm_gc_collection_seconds{gc}}, {@code jvm_threads_*}, {@code jvm_classes_*},
 * {@code jvm_buffer_pool_*}, {@code process_cpu_seconds_total}, {@code process_start_time_seconds},
 * {@code process_open_fds}, {@code process_max_fds} and {@code process_resident_memory_bytes}
 * where the platform has them. Names get no {@code metric_prefix}.
 *
 * <p>Nothing runs in the background: the values are read from the JDK's management beans in a
 * {@link MetricRegistry#beforeSnapshot} hook, so every snapshot, sync and export sees them fresh.
 * Gauges keep the default policy (in the cluster view each instance's value stays apart under its
 * {@code instance} label); counters are fed what their source gained since the last read, so they
 * add up over instances and survive a restart as counters do.
 *
 * <pre>{@code
 * JvmMetrics.register(registry);
 * }</pre>
 */
public final class JvmMetrics implements AutoCloseable {
    private final MetricRegistry registry;
    private final Runnable hook;

    private JvmMetrics(MetricRegistry registry, Runnable hook) {
        this.registry = registry;
        this.hook = hook;
    }

    /**
     * Defines the metrics in {@code registry} and reads them at every snapshot from now on.
     *
     * @param registry the registry to define them in
     * @return a handle whose {@link #close()} stops reading them
     * @throws IllegalArgumentException when a name is already taken by another kind of metric
     */
    public static JvmMetrics register(MetricRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        List<Runnable> readers = List.of(
                new MemoryReader(registry),
                new GcReader(registry),
                new ThreadReader(registry),
                new ClassReader(registry),
                new BufferPoolReader(registry),
                new ProcessReader(registry));
        Runnable hook = () -> readers.forEach(Runnable::run);
        hook.run();
        registry.beforeSnapshot(hook);
        return new JvmMetrics(registry, hook);
    }

    /** Stops reading the values; the series keep their last values, as every series of the registry does. */
    @Override
    public void close() {
        registry.removeSnapshotHook(hook);
    }
}
