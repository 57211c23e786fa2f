package io.tasker.metrics.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.micrometer.TaskerMeterRegistry;
import io.tasker.metrics.snapshot.CounterSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TaskerMicrometerAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    TaskerAutoConfiguration.class,
                    TaskerMicrometerAutoConfiguration.class,
                    MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class));

    @Test
    void theBridgeIsBootsRegistryInsteadOfTheSimpleOne() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TaskerMeterRegistry.class).doesNotHaveBean(SimpleMeterRegistry.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry).isInstanceOf(TaskerMeterRegistry.class);
            assertThat(((TaskerMeterRegistry) registry).metrics()).isSameAs(context.getBean(MetricRegistry.class));
        });
    }

    @Test
    void besidePrometheusBothAreInBootsCompositeAndAMeterCountsOnceInEach() {
        runner.withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
                .run(context -> {
                    MeterRegistry primary = context.getBean(MeterRegistry.class);
                    assertThat(primary).isInstanceOf(CompositeMeterRegistry.class);
                    assertThat(((CompositeMeterRegistry) primary).getRegistries())
                            .hasAtLeastOneElementOfType(TaskerMeterRegistry.class)
                            .hasAtLeastOneElementOfType(PrometheusMeterRegistry.class)
                            .hasSize(2);
                    primary.counter("orders.placed").increment();
                    assertThat(counter(context.getBean(MetricRegistry.class), "tasker_orders_placed"))
                            .isEqualTo(1.0);
                    assertThat(context.getBean(PrometheusMeterRegistry.class)
                                    .counter("orders.placed")
                                    .count())
                            .isEqualTo(1.0);
                });
    }

    @Test
    void offWithItsPropertyOrWithoutMicrometer() {
        runner.withPropertyValues("tasker.micrometer.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(TaskerMeterRegistry.class)
                        .hasSingleBean(SimpleMeterRegistry.class));
        runner.withPropertyValues("tasker.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TaskerMeterRegistry.class));
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(TaskerAutoConfiguration.class, TaskerMicrometerAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context)
                        .doesNotHaveBean("taskerMeterRegistry")
                        .hasSingleBean(MetricRegistry.class));
    }

    @Test
    void theApplicationsOwnBridgeWins() {
        TaskerMeterRegistry own = new TaskerMeterRegistry(new MetricRegistry());
        runner.withBean("ownBridge", TaskerMeterRegistry.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(TaskerMeterRegistry.class)).isSameAs(own));
    }

    @Test
    void micrometersJvmMetersStayOutOfTheCollectorWhileItsOwnRecordTheSame() {
        runner.withConfiguration(AutoConfigurations.of(JvmMetricsAutoConfiguration.class))
                .run(context -> {
                    MetricRegistry metrics = context.getBean(MetricRegistry.class);
                    assertThat(context.getBean(MeterRegistry.class)
                                    .find("jvm.memory.used")
                                    .meters())
                            .isEmpty();
                    assertThat(metrics.snapshot().families())
                            .extracting(f -> f.name())
                            .contains("jvm_memory_used_bytes", "process_cpu_seconds")
                            .noneMatch(name -> name.startsWith("tasker_jvm_") || name.startsWith("tasker_process_"));
                });
        runner.withConfiguration(AutoConfigurations.of(JvmMetricsAutoConfiguration.class))
                .withPropertyValues("tasker.jvm.enabled=false")
                .run(context -> assertThat(
                                context.getBean(MetricRegistry.class).snapshot().families())
                        .extracting(f -> f.name())
                        .contains("tasker_jvm_memory_used_bytes")
                        .doesNotContain("jvm_memory_used_bytes"));
    }

    static double counter(MetricRegistry registry, String name) {
        return registry.snapshot().families().stream()
                .filter(f -> f.name().equals(name))
                .map(f -> ((CounterSnapshot) f).points().get(0).value())
                .findFirst()
                .orElse(Double.NaN);
    }
}
