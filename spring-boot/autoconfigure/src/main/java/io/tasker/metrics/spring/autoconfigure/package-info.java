/**
 * Spring Boot auto-configuration of Tasker Metrics: the {@code tasker.*} properties
 * ({@link io.tasker.metrics.spring.autoconfigure.TaskerProperties}), the runtime and its registry,
 * the Micrometer bridge, the Actuator health indicator and {@code tasker} endpoint, and the event
 * subscribers. Each part backs off when the application defines its own bean, and
 * {@code tasker.enabled=false} turns all of them off (docs/spring-boot.md).
 */
package io.tasker.metrics.spring.autoconfigure;
