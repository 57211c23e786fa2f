package io.tasker.metrics.spring.autoconfigure;

import io.tasker.metrics.runtime.TaskerRuntime;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The store's {@link TaskerHealthIndicator} as the {@code tasker} component of
 * {@code /actuator/health}, when Spring Boot's health support is on the class path. Off with
 * {@code management.health.tasker.enabled=false}.
 */
@AutoConfiguration(after = TaskerAutoConfiguration.class)
@ConditionalOnTaskerEnabled
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(TaskerRuntime.class)
@ConditionalOnEnabledHealthIndicator("tasker")
public class TaskerHealthAutoConfiguration {
    /** Creates the auto-configuration; Spring calls it. */
    public TaskerHealthAutoConfiguration() {}

    /**
     * The health of the store, named {@code tasker} in the health endpoint.
     *
     * @param runtime the runtime whose store is reported
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "taskerHealthIndicator")
    public TaskerHealthIndicator taskerHealthIndicator(TaskerRuntime runtime) {
        return new TaskerHealthIndicator(runtime);
    }
}
