package io.tasker.metrics.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tasker.metrics.testing.Promtool;
import org.junit.jupiter.api.Test;

class PrometheusTextWriterTest {
    private final PrometheusTextWriter writer = new PrometheusTextWriter();

    @Test
    void contentTypeIsExactly004() {
        assertEquals("text/plain; version=0.0.4; charset=utf-8", writer.contentType());
    }

    @Test
    void writesTheWorkflowGoldenText() {
        String text = WriterFixtures.write(writer, WriterFixtures.workflow());
        assertEquals("""
                # HELP tasker_queue_depth tasker queue depth
                # TYPE tasker_queue_depth gauge
                tasker_queue_depth{queue="default"} 42
                # HELP tasker_task_duration_seconds Task duration in seconds.
                # TYPE tasker_task_duration_seconds histogram
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="0.1"} 1
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="0.5"} 2
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="1.0"} 3
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="+Inf"} 4
                tasker_task_duration_seconds_sum{task_name="payment_processing"} 3.6
                tasker_task_duration_seconds_count{task_name="payment_processing"} 4
                # HELP tasker_task_executions_total Task executions by outcome.
                # TYPE tasker_task_executions_total counter
                tasker_task_executions_total{status="success",task_name="payment_processing"} 1247
                tasker_task_executions_total{status="failure",task_name="payment_processing"} 23
                """, text);
        Promtool.assertValid(text);
    }

    @Test
    void escapesHostileLabelValuesAndHelp() {
        String text = WriterFixtures.write(writer, WriterFixtures.hostile());
        assertEquals("""
                # HELP tasker_errors_total Errors\\\\with a backslash\\nand "quotes".
                # TYPE tasker_errors_total counter
                tasker_errors_total{message="a\\"b\\\\c\\nd, é ✓ 🚀"} 1
                # HELP tasker_limit tasker limit
                # TYPE tasker_limit gauge
                tasker_limit +Inf
                # HELP tasker_ratio tasker ratio
                # TYPE tasker_ratio gauge
                tasker_ratio NaN
                # HELP tasker_temperature_celsius tasker temperature celsius
                # TYPE tasker_temperature_celsius gauge
                tasker_temperature_celsius -3.5
                """, text);
        Promtool.assertValid(text);
    }

    @Test
    void anEmptyRegistryWritesNothing() {
        assertEquals("", WriterFixtures.write(writer, WriterFixtures.registry().snapshot()));
    }
}
