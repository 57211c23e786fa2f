package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.MetricRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/tasker}: this instance's metrics from the collector's registry, in
 * Prometheus text or OpenMetrics as the {@code Accept} header asks. It sits next to Boot's own
 * {@code prometheus} endpoint, not instead of it; the cluster-wide view is what the CLI, the
 * console and remote write export. Expose it with
 * {@code management.endpoints.web.exposure.include=health,tasker}.
 */
@Endpoint(id = "tasker")
public class TaskerMetricsEndpoint {
    private final MetricRegistry registry;

    /**
     * Serves one registry.
     *
     * @param registry the registry whose snapshot is written
     */
    public TaskerMetricsEndpoint(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * Writes a fresh snapshot in the negotiated format.
     *
     * @param format the format the {@code Accept} header chose
     * @return the text, with its content type
     */
    @ReadOperation(producesFrom = TaskerOutputFormat.class)
    public WebEndpointResponse<byte[]> scrape(TaskerOutputFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            format.writer().write(out, registry.snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the metrics", e);
        }
        return new WebEndpointResponse<>(out.toByteArray(), format);
    }
}
