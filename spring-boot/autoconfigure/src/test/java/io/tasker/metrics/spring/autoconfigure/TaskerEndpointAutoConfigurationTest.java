package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.testing.Promtool;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TaskerEndpointAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TaskerAutoConfiguration.class,
                    TaskerEndpointAutoConfiguration.class,
                    EndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=health,tasker");

    @Test
    void servesTheRegistryInPrometheusTextOrOpenMetrics() {
        runner.run(context -> {
            context.getBean(MetricRegistry.class)
                    .counter("orders_total", "status")
                    .labels("ok")
                    .inc(2);
            TaskerMetricsEndpoint endpoint = context.getBean(TaskerMetricsEndpoint.class);
            WebEndpointResponse<byte[]> text = endpoint.scrape(TaskerOutputFormat.PROMETHEUS);
            String body = new String(text.getBody(), StandardCharsets.UTF_8);
            assertThat(text.getContentType().toString())
                    .startsWith("text/plain")
                    .contains("version=0.0.4");
            assertThat(body).contains("tasker_orders_total{status=\"ok\"} 2");
            Promtool.assertValid(body);
            WebEndpointResponse<byte[]> open = endpoint.scrape(TaskerOutputFormat.OPENMETRICS);
            assertThat(open.getContentType().toString()).startsWith("application/openmetrics-text");
            assertThat(new String(open.getBody(), StandardCharsets.UTF_8)).endsWith("# EOF\n");
        });
    }

    @Test
    void notThereUnlessExposedOrWhenOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        TaskerAutoConfiguration.class,
                        TaskerEndpointAutoConfiguration.class,
                        EndpointAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(TaskerMetricsEndpoint.class));
        runner.withPropertyValues("management.endpoint.tasker.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(TaskerMetricsEndpoint.class));
        runner.withPropertyValues("tasker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TaskerMetricsEndpoint.class));
    }

    @Test
    void theApplicationsOwnEndpointWins() {
        TaskerMetricsEndpoint own = new TaskerMetricsEndpoint(new MetricRegistry());
        runner.withBean(TaskerMetricsEndpoint.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(TaskerMetricsEndpoint.class)).isSameAs(own));
    }
}
