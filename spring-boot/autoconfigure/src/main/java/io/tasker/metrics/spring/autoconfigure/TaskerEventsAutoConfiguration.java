package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.EventSubscriber;
import io.tasker.metrics.events.MetricsSubscriber;
import io.tasker.metrics.events.PublisherOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Workflow events: an {@link EventPublisher} that every {@link EventSubscriber} bean subscribes
 * to, and the {@link MetricsSubscriber} that turns events into the collector's task metrics. The
 * OpenTelemetry and StatsD subscribers come from {@link TaskerSubscribersAutoConfiguration} when
 * {@code tasker-metrics-subscribers} is on the class path and they are turned on. Off with
 * {@code tasker.events.enabled=false}.
 *
 * <pre>{@code
 * @Autowired EventPublisher events;
 * events.publish(new TaskStarted("12345", "payment_processing", Instant.now()));
 * }</pre>
 */
@AutoConfiguration(after = TaskerAutoConfiguration.class)
@ConditionalOnTaskerEnabled
@ConditionalOnBean(MetricRegistry.class)
@ConditionalOnProperty(prefix = "tasker.events", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TaskerEventsAutoConfiguration {
    /** Creates the auto-configuration; Spring calls it. */
    public TaskerEventsAutoConfiguration() {}

    /**
     * Turns task and step events into {@code task_executions_total} and the rest.
     *
     * @param registry the collector's registry
     * @return the subscriber
     */
    @Bean
    @ConditionalOnMissingBean
    public MetricsSubscriber taskerMetricsSubscriber(MetricRegistry registry) {
        return new MetricsSubscriber(registry);
    }

    /**
     * The publisher, with every subscriber bean subscribed in order; closed (drained) with the
     * context before the subscribers are.
     *
     * @param registry the collector's registry, for the publisher's own counters
     * @param config the collector's configuration ({@code events.*})
     * @param subscribers every {@link EventSubscriber} bean
     * @return the publisher
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public EventPublisher taskerEventPublisher(
            MetricRegistry registry, TaskerConfig config, ObjectProvider<EventSubscriber> subscribers) {
        EventPublisher publisher = new EventPublisher(
                registry,
                new PublisherOptions(
                        config.events().queueCapacity(), config.events().drainTimeout()));
        subscribers.orderedStream().forEach(publisher::subscribe);
        return publisher;
    }
}
