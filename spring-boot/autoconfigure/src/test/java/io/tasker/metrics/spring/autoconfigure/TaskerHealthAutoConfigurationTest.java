package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tasker.metrics.testing.RedisServerExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TaskerHealthAutoConfigurationTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TaskerAutoConfiguration.class,
                    TaskerHealthAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class));

    @Test
    void upOnAReachableStoreWithItsStrategyAndCapabilities() {
        runner.run(context -> {
            Health health = context.getBean(TaskerHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("store", "memory:")
                    .containsEntry("strategy", "local_only")
                    .containsKeys("capabilities", "instance", "checkedAt");
        });
    }

    @Test
    void downOnceTheRedisServerStopsAndUpWhenItIsBack() {
        runner.withPropertyValues(
                        "tasker.cache.url=" + redis.url(),
                        "tasker.telemetry.sync-interval=200ms",
                        "tasker.cache.timeout=500ms")
                .run(context -> {
                    HealthIndicator indicator = context.getBean(TaskerHealthIndicator.class);
                    assertThat(indicator.health(true).getDetails()).containsEntry("strategy", "distributed_atomic");
                    waitFor(indicator, Status.UP);
                    redis.stop();
                    try {
                        Health down = waitFor(indicator, Status.DOWN);
                        assertThat(down.getDetails()).containsKey("error").containsEntry("lastSyncSucceeded", false);
                    } finally {
                        redis.start();
                    }
                    waitFor(indicator, Status.UP);
                });
    }

    @Test
    void offWithManagementHealthTaskerEnabledFalseOrWithoutBootsHealth() {
        runner.withPropertyValues("management.health.tasker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TaskerHealthIndicator.class));
        runner.withPropertyValues("tasker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TaskerHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(TaskerHealthIndicator.class));
    }

    @Test
    void theApplicationsOwnIndicatorWins() {
        HealthIndicator own = () -> Health.up().withDetails(Map.of("own", true)).build();
        runner.withBean("taskerHealthIndicator", HealthIndicator.class, () -> own)
                .run(context ->
                        assertThat(context.getBean("taskerHealthIndicator")).isSameAs(own));
    }

    /** Polls the indicator until it reports the status: it follows the background sync, not the clock. */
    static Health waitFor(HealthIndicator indicator, Status status) {
        return await().alias("the indicator reports " + status)
                .atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> indicator.health(true),
                        health -> health.getStatus().equals(status));
    }
}
