package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.events.EventPublisher;
import io.tasker.metrics.events.MetricsSubscriber;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.subscribers.statsd.StatsdSubscriber;
import io.tasker.metrics.subscribers.telemetry.TelemetrySubscriber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TaskerEventsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TaskerAutoConfiguration.class,
                    TaskerEventsAutoConfiguration.class,
                    TaskerSubscribersAutoConfiguration.class));

    @Test
    void aPublisherWhoseEventsBecomeTaskMetrics() {
        runner.run(context -> {
            assertThat(context)
                    .hasSingleBean(EventPublisher.class)
                    .hasSingleBean(MetricsSubscriber.class)
                    .doesNotHaveBean(TelemetrySubscriber.class)
                    .doesNotHaveBean(StatsdSubscriber.class);
            EventPublisher events = context.getBean(EventPublisher.class);
            Instant now = Instant.now();
            events.publish(new TaskStarted("t-1", "payment_processing", now));
            events.publish(new TaskCompleted("t-1", "payment_processing", now.plusMillis(40), Duration.ofMillis(40)));
            assertThat(events.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(TaskerMicrometerAutoConfigurationTest.counter(
                            context.getBean(MetricRegistry.class), "tasker_task_executions"))
                    .isEqualTo(1.0);
        });
    }

    @Test
    void theSubscribersEachWhenTheirKeyIsOn() {
        runner.withPropertyValues("tasker.telemetry.statsd.enabled=true", "tasker.telemetry.enabled=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(StatsdSubscriber.class).hasSingleBean(TelemetrySubscriber.class);
                    assertThat(context.getBean(TaskerTelemetry.class).ownSdk())
                            .as("an SDK of its own")
                            .isNotNull();
                });
    }

    @Test
    void tracesGoThroughTheApplicationsOpenTelemetryWhenItHasOne() {
        runner.withPropertyValues("tasker.telemetry.enabled=true")
                .withBean(OpenTelemetry.class, OpenTelemetry::noop)
                .run(context -> {
                    assertThat(context).hasSingleBean(TelemetrySubscriber.class);
                    assertThat(context.getBean(TaskerTelemetry.class).ownSdk()).isNull();
                });
    }

    @Test
    void offWithTheirSwitches() {
        runner.withPropertyValues("tasker.events.enabled=false", "tasker.telemetry.statsd.enabled=true")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(EventPublisher.class)
                        .doesNotHaveBean(StatsdSubscriber.class));
        runner.withPropertyValues("tasker.telemetry.statsd.enabled=true")
                .withClassLoader(new FilteredClassLoader(TelemetrySubscriber.class))
                .run(context -> assertThat(context)
                        .hasSingleBean(EventPublisher.class)
                        .doesNotHaveBean(StatsdSubscriber.class));
    }
}
