package io.tasker.metrics.format;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.testing.Promtool;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** promtool judges larger, randomly filled registries, not just the golden fixtures. */
class PromtoolGeneratedOutputTest {
    private static final String[] ODD = {
        "",
        " ",
        "\\",
        "\"",
        "\n",
        "\\n",
        "a\"b\\c\nd",
        "ü",
        "日本語",
        "🚀",
        "{x=\"y\"}",
        "le",
        "+Inf",
        "#",
        "# HELP",
        "\t",
        "\r"
    };

    @Test
    void randomRegistriesPassPromtool() {
        Random random = new Random(42);
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withMaxSeriesPerMetric(50));
        Counter steps = Counter.builder("step_executions_total")
                .help("Step executions by name and status.")
                .labelNames("step_name", "status")
                .register(registry);
        Histogram durations = Histogram.builder("task_duration_seconds")
                .help("Task duration.")
                .labelNames("task_name")
                .quantiles()
                .register(registry);
        for (int i = 0; i < 2_000; i++) {
            steps.labels(value(random), random.nextBoolean() ? "success" : "failure")
                    .inc(random.nextInt(5));
            durations.labels(value(random)).observe(random.nextDouble() * 12);
            registry.setGauge("queue_depth", random.nextInt(100) - 50, "queue", value(random));
        }
        Promtool.assertValid(WriterFixtures.write(new PrometheusTextWriter(), registry.snapshot()));
    }

    private static String value(Random random) {
        return random.nextInt(3) == 0 ? ODD[random.nextInt(ODD.length)] : "v" + random.nextInt(40);
    }
}
