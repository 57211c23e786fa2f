package io.tasker.metrics.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class OpenMetricsTextWriterTest {
    private final OpenMetricsTextWriter writer = new OpenMetricsTextWriter();

    @Test
    void writesTheWorkflowGoldenText() {
        assertEquals("""
                # TYPE tasker_queue_depth gauge
                # HELP tasker_queue_depth tasker queue depth
                tasker_queue_depth{queue="default"} 42
                # TYPE tasker_task_duration_seconds histogram
                # HELP tasker_task_duration_seconds Task duration in seconds.
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="0.1"} 1
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="0.5"} 2
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="1.0"} 3
                tasker_task_duration_seconds_bucket{task_name="payment_processing",le="+Inf"} 4
                tasker_task_duration_seconds_sum{task_name="payment_processing"} 3.6
                tasker_task_duration_seconds_count{task_name="payment_processing"} 4
                # TYPE tasker_task_executions counter
                # HELP tasker_task_executions Task executions by outcome.
                tasker_task_executions_total{status="success",task_name="payment_processing"} 1247
                tasker_task_executions_total{status="failure",task_name="payment_processing"} 23
                # EOF
                """, WriterFixtures.write(writer, WriterFixtures.workflow()));
    }

    @Test
    void escapesQuotesInHelpToo() {
        String text = WriterFixtures.write(writer, WriterFixtures.hostile());
        assertEquals("""
                # TYPE tasker_errors counter
                # HELP tasker_errors Errors\\\\with a backslash\\nand \\"quotes\\".
                tasker_errors_total{message="a\\"b\\\\c\\nd, é ✓ 🚀"} 1
                """, text.substring(0, text.indexOf("# TYPE tasker_limit")));
        assertEquals("# EOF\n", text.substring(text.length() - 6));
    }

    @Test
    void anEmptyRegistryWritesOnlyEof() {
        assertEquals(
                "# EOF\n",
                WriterFixtures.write(writer, WriterFixtures.registry().snapshot()));
    }

    @Test
    void acceptHeaderChoosesTheFormat() {
        assertInstanceOf(
                OpenMetricsTextWriter.class,
                ExpositionFormatWriter.forAcceptHeader(
                        "application/openmetrics-text; version=1.0.0; charset=utf-8,text/plain;version=0.0.4;q=0.5"));
        assertInstanceOf(PrometheusTextWriter.class, ExpositionFormatWriter.forAcceptHeader("text/plain"));
        assertInstanceOf(PrometheusTextWriter.class, ExpositionFormatWriter.forAcceptHeader(null));
        assertInstanceOf(PrometheusTextWriter.class, ExpositionFormatWriter.forAcceptHeader("*/*"));
        assertInstanceOf(
                PrometheusTextWriter.class,
                ExpositionFormatWriter.forAcceptHeader("application/openmetrics-text;q=0, text/plain"));
        assertInstanceOf(
                PrometheusTextWriter.class,
                ExpositionFormatWriter.forAcceptHeader("application/openmetrics-text;q=0.0000"));
    }

    @Test
    void malformedAcceptHeadersFallBackToPrometheusText() {
        for (String accept : new String[] {";", ",,,;;;", "text/plain,;", "", " ", ";;q="}) {
            assertInstanceOf(PrometheusTextWriter.class, ExpositionFormatWriter.forAcceptHeader(accept), accept);
        }
        assertInstanceOf(
                OpenMetricsTextWriter.class,
                ExpositionFormatWriter.forAcceptHeader(";,application/openmetrics-text;;"));
        assertInstanceOf(
                OpenMetricsTextWriter.class,
                ExpositionFormatWriter.forAcceptHeader("application/openmetrics-text;q=x"));
    }
}
