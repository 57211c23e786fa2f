package io.tasker.metrics.spring.autoconfigure;

import io.opentelemetry.api.OpenTelemetry;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.subscribers.statsd.StatsdSettings;
import io.tasker.metrics.subscribers.statsd.StatsdSubscriber;
import io.tasker.metrics.subscribers.telemetry.TelemetrySettings;
import io.tasker.metrics.subscribers.telemetry.TelemetrySubscriber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The shipped event subscribers as beans, each when its key is true: the
 * {@link TelemetrySubscriber} ({@code telemetry.enabled}) on the application's
 * {@link OpenTelemetry} bean when there is one, otherwise on an OTLP/HTTP SDK of its own; the
 * {@link StatsdSubscriber} ({@code telemetry.statsd.enabled}). The publisher of
 * {@link TaskerEventsAutoConfiguration} subscribes them.
 */
@AutoConfiguration(
        before = TaskerEventsAutoConfiguration.class,
        after = TaskerAutoConfiguration.class,
        afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnTaskerEnabled
@ConditionalOnClass(TelemetrySubscriber.class)
@ConditionalOnBean(MetricRegistry.class)
@ConditionalOnProperty(prefix = "tasker.events", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TaskerSubscribersAutoConfiguration {
    /** Creates the auto-configuration; Spring calls it. */
    public TaskerSubscribersAutoConfiguration() {}

    /**
     * Task traces over OTLP.
     *
     * @param config the collector's configuration ({@code telemetry.*})
     * @param registry the collector's registry, for its clock
     * @param openTelemetry the application's OpenTelemetry, when it has one
     * @return the subscriber, closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnTaskerSwitch("telemetry.enabled")
    public TaskerTelemetry taskerTelemetry(
            TaskerConfig config, MetricRegistry registry, ObjectProvider<OpenTelemetry> openTelemetry) {
        TelemetrySettings settings = TelemetrySettings.from(config, System.getenv());
        return TaskerTelemetry.start(
                settings, openTelemetry.getIfAvailable(), registry.options().clock());
    }

    /**
     * The trace subscriber of {@link #taskerTelemetry}, as an event subscriber bean.
     *
     * @param telemetry the subscriber with its SDK
     * @return the subscriber
     */
    @Bean
    @ConditionalOnBean(TaskerTelemetry.class)
    public TelemetrySubscriber taskerTelemetrySubscriber(TaskerTelemetry telemetry) {
        return telemetry.subscriber();
    }

    /**
     * Task metrics to a DogStatsD agent.
     *
     * @param config the collector's configuration ({@code telemetry.statsd.*})
     * @return the subscriber, closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnTaskerSwitch("telemetry.statsd.enabled")
    public StatsdSubscriber taskerStatsdSubscriber(TaskerConfig config) {
        return StatsdSubscriber.start(StatsdSettings.from(config));
    }
}
