package io.tasker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every mistake at definition time is an IllegalArgumentException that names the metric. */
class DefinitionValidationTest {
    private final MetricRegistry registry = new MetricRegistry();

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "task-executions", "task executions", "tâche"})
    void rejectsInvalidMetricNames(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.counter(name));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1status", "sta-tus", "__status", "", "tasker_overflow"})
    void rejectsInvalidLabelNames(String label) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.counter("task_executions_total", label));
        assertTrue(e.getMessage().contains("tasker_task_executions"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + label + "'"), e.getMessage());
    }

    @Test
    void rejectsLeAsHistogramLabel() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.histogram("task_duration_seconds", "le"));
        assertTrue(
                e.getMessage().contains("'le'") && e.getMessage().contains("tasker_task_duration_seconds"),
                e.getMessage());
    }

    @Test
    void rejectsDuplicateLabelNames() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.counter("jobs_total", "queue", "queue"));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void sameNameAsAnotherTypeIsAnError() {
        registry.counter("task_completed_total", "status");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.gauge("task_completed", "status"));
        assertEquals(
                "Metric tasker_task_completed is already a counter; it cannot be defined again as a gauge",
                e.getMessage());
    }

    @Test
    void sameNameWithOtherLabelsIsAnError() {
        registry.counter("task_executions_total", "status", "task_name");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.counter("task_executions_total", "status"));
        assertTrue(
                e.getMessage().contains("tasker_task_executions")
                        && e.getMessage().contains("[status]"),
                e.getMessage());
    }

    @Test
    void sameHistogramWithOtherBucketsIsAnError() {
        Histogram.builder("step_duration_seconds").buckets(0.1, 1).register(registry);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Histogram.builder("step_duration_seconds").buckets(0.1, 2).register(registry));
        assertTrue(
                e.getMessage().contains("tasker_step_duration_seconds")
                        && e.getMessage().contains("[0.1, 1.0]")
                        && e.getMessage().contains("[0.1, 2.0]"),
                e.getMessage());
    }

    @Test
    void sameHistogramWithAndWithoutQuantilesIsAnError() {
        Histogram.builder("step_duration_seconds").quantiles().register(registry);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.histogram("step_duration_seconds"));
        assertTrue(e.getMessage().contains("with quantiles"), e.getMessage());
    }

    @Test
    void askingAgainWithTheSameShapeReturnsTheSameFamily() {
        Counter a = registry.counter("task_executions_total", "status");
        Counter b = registry.counter("task_executions", "status");
        assertSame(a, b);
    }

    @Test
    void histogramSamplesCannotCollideWithAGauge() {
        registry.histogram("task_duration_seconds");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> registry.gauge("task_duration_seconds_count"));
        assertTrue(e.getMessage().contains("tasker_task_duration_seconds_count"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsorted", "duplicate", "nan", "infinite-inside"})
    void rejectsBadBuckets(String kind) {
        double[] buckets = switch (kind) {
            case "unsorted" -> new double[] {1, 0.5};
            case "duplicate" -> new double[] {0.5, 0.5};
            case "nan" -> new double[] {0.5, Double.NaN};
            default -> new double[] {0.5, Double.POSITIVE_INFINITY, 2};
        };
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Histogram.builder("latency_seconds").buckets(buckets));
        assertTrue(e.getMessage().startsWith("Histogram latency_seconds:"), e.getMessage());
    }

    @Test
    void trailingInfBucketIsAccepted() {
        Histogram h = Histogram.builder("latency_seconds")
                .buckets(0.5, 1, Double.POSITIVE_INFINITY)
                .register(registry);
        assertEquals(3, h.bounds().bucketCount());
    }

    @Test
    void wrongNumberOfLabelValuesIsAnError() {
        Counter c = registry.counter("task_executions_total", "status", "task_name");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.labels("success"));
        assertEquals(
                "Metric tasker_task_executions has 2 label(s) [status, task_name] but 1 value(s) were given",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.labels("a", "b", "c"));
        assertThrows(IllegalArgumentException.class, c::inc);
    }

    @Test
    void nullLabelValueIsAnError() {
        Counter c = registry.counter("task_executions_total", "status", "task_name");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.labels("ok", null));
        assertTrue(
                e.getMessage().contains("task_name") && e.getMessage().contains("tasker_task_executions"),
                e.getMessage());
    }

    @Test
    void oneCallStyleWithOtherLabelsIsAnError() {
        registry.incrementCounter("task_executions_total", 1, "status", "success");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> registry.incrementCounter("task_executions_total", 1, "state", "success"));
        assertTrue(e.getMessage().contains("[status]") && e.getMessage().contains("[state]"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> registry.setGauge("task_executions_total", 1, "status", "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.incrementCounter("odd_total", 1, "status"));
        IllegalArgumentException odd = assertThrows(
                IllegalArgumentException.class,
                () -> registry.incrementCounter("task_executions_total", 1, "status", "success", "task_name"));
        assertTrue(odd.getMessage().contains("name/value pairs"), odd.getMessage());
    }

    @Test
    void invalidPrefixIsAnError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RegistryOptions.defaults().withMetricPrefix("my-app"));
        assertTrue(e.getMessage().contains("'my-app'"), e.getMessage());
    }
}
