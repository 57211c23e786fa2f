package io.tasker.metrics.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.jvm.JvmMetrics;
import io.tasker.metrics.micrometer.TaskerMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link TaskerMeterRegistry} over the collector's registry, as a {@link MeterRegistry} bean.
 * Spring Boot's metrics auto-configuration applies its filters and customizers to it and, beside
 * any other registry (Prometheus, say), puts it into its {@code @Primary} composite: every meter
 * the application and Boot record (HTTP server requests, data sources) then reaches the cluster
 * view, once. Off with {@code tasker.micrometer.enabled=false}.
 *
 * <p>It runs before Boot's composite and simple registries are decided, as Boot's own
 * registries do, so that the simple registry is not added beside it.
 */
@AutoConfiguration(
        after = TaskerAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        beforeName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnTaskerEnabled
@ConditionalOnClass({MeterRegistry.class, TaskerMeterRegistry.class})
@ConditionalOnProperty(prefix = "tasker.micrometer", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(MetricRegistry.class)
public class TaskerMicrometerAutoConfiguration {
    /** Creates the auto-configuration; Spring calls it. */
    public TaskerMicrometerAutoConfiguration() {}

    /**
     * The bridge from Micrometer into the collector.
     *
     * @param metrics the collector's registry
     * @return a meter registry recording into it
     */
    @Bean
    @ConditionalOnMissingBean
    public TaskerMeterRegistry taskerMeterRegistry(MetricRegistry metrics) {
        return new TaskerMeterRegistry(metrics);
    }

    /** Only where Boot's metrics auto-configuration is, since its customizer type is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistryCustomizer.class)
    static class JvmMetersOnce {
        /**
         * Keeps Micrometer's own JVM and process meters ({@code jvm.*}, {@code process.*}) out of
         * the collector while its {@link JvmMetrics} record the same under the names dashboards
         * know: the same figures twice, under two names, would only confuse. Other registries keep them.
         *
         * @return the customizer of the bridge alone
         */
        @Bean
        @ConditionalOnBean(JvmMetrics.class)
        MeterRegistryCustomizer<TaskerMeterRegistry> taskerJvmMetersOnce() {
            return registry -> registry.config()
                    .meterFilter(MeterFilter.denyNameStartsWith("jvm."))
                    .meterFilter(MeterFilter.denyNameStartsWith("process."));
        }
    }
}
