package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasker.metrics.Clock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.config.ConfigException;
import io.tasker.metrics.config.ConfigKey;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.config.TaskerConfig;
import io.tasker.metrics.jvm.JvmMetrics;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.snapshot.CounterSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class TaskerAutoConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TaskerAutoConfiguration.class));

    @Test
    void startsTheRuntimeWithTheCollectorsDefaults() {
        runner.run(context -> {
            assertThat(context)
                    .hasSingleBean(TaskerRuntime.class)
                    .hasSingleBean(MetricRegistry.class)
                    .hasSingleBean(TaskerConfig.class);
            TaskerRuntime runtime = context.getBean(TaskerRuntime.class);
            assertThat(context.getBean(MetricRegistry.class)).isSameAs(runtime.registry());
            assertThat(runtime.collector()).isPresent();
            TaskerConfig config = context.getBean(TaskerConfig.class);
            assertThat(config.telemetry().syncInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.cache().url()).isEqualTo("memory:");
            assertThat(context).hasSingleBean(JvmMetrics.class);
            assertThat(runtime.registry().snapshot().families())
                    .extracting(f -> f.name())
                    .contains("jvm_memory_used_bytes", "jvm_gc_collection_seconds", "process_start_time_seconds");
        });
        runner.withPropertyValues("tasker.jvm.enabled=false")
                .run(context ->
                        assertThat(context).doesNotHaveBean(JvmMetrics.class).hasSingleBean(TaskerRuntime.class));
    }

    @Test
    void taskerEnabledFalseConfiguresNothing() {
        runner.withPropertyValues("tasker.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(TaskerRuntime.class)
                        .doesNotHaveBean(MetricRegistry.class)
                        .doesNotHaveBean(TaskerConfig.class)
                        .doesNotHaveBean(TaskerProperties.class));
    }

    @Test
    void propertiesReachTheConfigurationUnderTheYamlKeysNames() {
        runner.withPropertyValues(
                        "tasker.telemetry.sync-interval=5s",
                        "tasker.cache.namespace=orders",
                        "tasker.telemetry.prometheus.metric-prefix=",
                        "tasker.telemetry.instance-id=web-7")
                .run(context -> {
                    TaskerConfig config = context.getBean(TaskerConfig.class);
                    assertThat(config.telemetry().syncInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(config.cache().namespace()).isEqualTo("orders");
                    assertThat(config.registry().metricPrefix()).isEmpty();
                    assertThat(context.getBean(TaskerRuntime.class).instanceId())
                            .isEqualTo("web-7");
                    context.getBean(MetricRegistry.class)
                            .counter("jobs_total")
                            .labels()
                            .inc();
                    assertThat(context.getBean(MetricRegistry.class).snapshot().families())
                            .extracting(f -> f.name())
                            .contains("jobs");
                });
    }

    @Test
    void everyConfigurationKeyIsBoundFromItsProperty() {
        for (ConfigKey key : ConfigKey.ALL) {
            SampleValue sample = SampleValue.of(key);
            runner.withPropertyValues(sample.properties()).run(context -> {
                assertThat(context).as(key.name()).hasNotFailed();
                assertThat(context.getBean(TaskerConfig.class).describe().get(key.name()))
                        .as(key.name())
                        .isEqualTo(key.show(sample.expected()));
            });
        }
    }

    @Test
    void anEnvironmentVariableStillBeatsTheProperty() {
        TaskerProperties properties = new TaskerProperties();
        properties.getCache().setNamespace("from-property");
        properties.getTelemetry().setSyncInterval(Duration.ofSeconds(10));
        TaskerConfig config = TaskerConfigs.load(properties, Map.of("TASKER_CACHE_NAMESPACE", "from-env"));
        assertThat(config.cache().namespace()).isEqualTo("from-env");
        assertThat(config.telemetry().syncInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void propertiesAreLaidOverTheYamlFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tasker.yml");
        java.nio.file.Files.writeString(file, "telemetry:\n  sync_interval: 20s\ncache:\n  namespace: from-file\n");
        runner.withPropertyValues("tasker.config-file=" + file, "tasker.cache.namespace=from-property")
                .run(context -> {
                    TaskerConfig config = context.getBean(TaskerConfig.class);
                    assertThat(config.telemetry().syncInterval()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(config.cache().namespace()).isEqualTo("from-property");
                });
    }

    @Test
    void anInvalidPropertyFailsTheStartNamingTheKey() {
        runner.withPropertyValues(
                        "tasker.telemetry.prometheus.compression=lz4", "tasker.telemetry.prometheus.batch-size=0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(ConfigException.class)
                            .hasMessageContaining("telemetry.prometheus.compression")
                            .hasMessageContaining("telemetry.prometheus.batch_size");
                });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        runner.withUserConfiguration(OwnRuntime.class).run(context -> {
            assertThat(context).hasSingleBean(TaskerRuntime.class);
            assertThat(context.getBean(TaskerRuntime.class).instanceId()).isEqualTo("own");
        });
        runner.withBean("ownRegistry", MetricRegistry.class, MetricRegistry::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(MetricRegistry.class);
                    assertThat(context.getBean(MetricRegistry.class))
                            .isNotSameAs(context.getBean(TaskerRuntime.class).registry());
                });
    }

    @Test
    void closingTheContextRunsTheFinalSync(@TempDir Path dir) {
        String url = "file://" + dir.toAbsolutePath();
        runner.withPropertyValues("tasker.cache.url=" + url, "tasker.telemetry.instance-id=web-1")
                .run(context -> context.getBean(MetricRegistry.class)
                        .counter("orders_total")
                        .labels()
                        .inc(3));
        // The default interval (30 s) never came round: only the final sync can have written it.
        TaskerConfig observer = ConfigLoader.load(Optional.empty(), Map.of("TASKER_CACHE_URL", url));
        try (TaskerRuntime reader = TaskerRuntime.start(observer, Clock.SYSTEM, TaskerRuntime.Mode.OBSERVER)) {
            CounterSnapshot orders = (CounterSnapshot) reader.cluster().readView().snapshot().families().stream()
                    .filter(f -> f.name().equals("tasker_orders"))
                    .findFirst()
                    .orElseThrow();
            assertThat(orders.points().get(0).value()).isEqualTo(3.0);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRuntime {
        @Bean(destroyMethod = "close")
        TaskerRuntime ownRuntime() {
            return TaskerRuntime.start(
                    ConfigLoader.load(Optional.empty(), Map.of("TASKER_INSTANCE_ID", "own")),
                    Clock.SYSTEM,
                    TaskerRuntime.Mode.INSTANCE);
        }
    }
}
