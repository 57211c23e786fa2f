package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.MetricRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link TaskerMetricsEndpoint} ({@code /actuator/tasker}) when Actuator is on the class path
 * and the endpoint is exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = TaskerAutoConfiguration.class)
@ConditionalOnTaskerEnabled
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(MetricRegistry.class)
@ConditionalOnAvailableEndpoint(TaskerMetricsEndpoint.class)
public class TaskerEndpointAutoConfiguration {
    /** Creates the auto-configuration; Spring calls it. */
    public TaskerEndpointAutoConfiguration() {}

    /**
     * The endpoint over the collector's registry.
     *
     * @param registry the registry to serve
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    public TaskerMetricsEndpoint taskerMetricsEndpoint(MetricRegistry registry) {
        return new TaskerMetricsEndpoint(registry);
    }
}
