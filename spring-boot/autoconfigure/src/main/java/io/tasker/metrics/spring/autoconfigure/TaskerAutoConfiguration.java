package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.jvm.JvmMetrics;
import io.tasker.metrics.runtime.TaskerRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The collector itself: its configuration from the {@code tasker.*} properties, a
 * {@link TaskerRuntime} started with the context and closed with it (the final sync runs on a
 * graceful shutdown), its {@link MetricRegistry}, and the JVM's metrics in it ({@link JvmMetrics}). Every bean backs off when the application
 * defines its own; {@code tasker.enabled=false} turns all of it off.
 *
 * <pre>{@code
 * @Autowired MetricRegistry metrics;
 * metrics.counter("task_executions_total", "status").labels("success").inc();
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnTaskerEnabled
@EnableConfigurationProperties(TaskerProperties.class)
public class TaskerAutoConfiguration {
    /** Creates the auto-configuration; Spring calls it. */
    public TaskerAutoConfiguration() {}

    /**
     * The collector's configuration: properties over the file, environment variables over both.
     *
     * @param properties the bound {@code tasker.*} properties
     * @return the validated configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public TaskerConfig taskerConfig(TaskerProperties properties) {
        return TaskerConfigs.load(properties, System.getenv());
    }

    /**
     * The store, the background sync and the exports the configuration describes.
     *
     * @param config the collector's configuration
     * @return a started runtime, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TaskerRuntime taskerRuntime(TaskerConfig config) {
        return TaskerRuntime.start(config, Clock.SYSTEM, TaskerRuntime.Mode.INSTANCE);
    }

    /**
     * The registry the runtime syncs, for the application's own metrics.
     *
     * @param runtime the runtime
     * @return its registry
     */
    @Bean
    @ConditionalOnMissingBean
    public MetricRegistry taskerMetricRegistry(TaskerRuntime runtime) {
        return runtime.registry();
    }

    /**
     * The JVM's and the process's metrics under client_java's names, read at each snapshot.
     * Off with {@code tasker.jvm.enabled=false}.
     *
     * @param registry the registry to define them in
     * @return the handle, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tasker.jvm", name = "enabled", havingValue = "true", matchIfMissing = true)
    public JvmMetrics taskerJvmMetrics(MetricRegistry registry) {
        return JvmMetrics.register(registry);
    }
}
