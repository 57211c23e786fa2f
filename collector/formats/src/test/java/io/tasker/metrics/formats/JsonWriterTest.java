package io.tasker.metrics.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.format.WriterFixtures;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesTheWorkflowGoldenText() {
        assertEquals("""
                {
                  "timestamp" : "2026-01-01T12:00:00Z",
                  "metrics" : {
                    "counters" : {
                      "tasker_task_executions_total" : [ {
                        "labels" : {
                          "status" : "success",
                          "task_name" : "payment_processing"
                        },
                        "value" : 1247
                      }, {
                        "labels" : {
                          "status" : "failure",
                          "task_name" : "payment_processing"
                        },
                        "value" : 23
                      } ]
                    },
                    "gauges" : {
                      "tasker_queue_depth" : [ {
                        "labels" : {
                          "queue" : "default"
                        },
                        "value" : 42
                      } ]
                    },
                    "histograms" : {
                      "tasker_task_duration_seconds" : [ {
                        "labels" : {
                          "task_name" : "payment_processing"
                        },
                        "count" : 4,
                        "sum" : 3.6,
                        "buckets" : [ {
                          "le" : "0.1",
                          "count" : 1
                        }, {
                          "le" : "0.5",
                          "count" : 2
                        }, {
                          "le" : "1.0",
                          "count" : 3
                        }, {
                          "le" : "+Inf",
                          "count" : 4
                        } ]
                      } ]
                    }
                  }
                }""", WriterFixtures.write(new JsonWriter(true), WriterFixtures.workflow()));
    }

    @Test
    void everyOutputMatchesThePublishedSchema() throws IOException {
        JsonSchema schema = schema();
        for (MetricsSnapshot snapshot : new MetricsSnapshot[] {
            WriterFixtures.workflow(),
            WriterFixtures.hostile(),
            withQuantiles(),
            WriterFixtures.registry().snapshot()
        }) {
            JsonNode json = MAPPER.readTree(WriterFixtures.write(new JsonWriter(), snapshot));
            Set<ValidationMessage> errors = schema.validate(json);
            assertTrue(errors.isEmpty(), errors + " in " + json);
        }
    }

    @Test
    void theSchemaRejectsWhatItShould() throws IOException {
        JsonNode bad = MAPPER.readTree("""
                {"timestamp":"2026-01-01T12:00:00Z","metrics":{"counters":{"jobs":[{"labels":{},"value":-1}]},
                "gauges":{},"histograms":{}}}""");
        assertEquals(2, schema().validate(bad).size(), "a counter name without _total and a negative value");
    }

    @Test
    void hostileValuesRoundTripAndNonFiniteGaugesAreStrings() throws IOException {
        JsonNode json = MAPPER.readTree(WriterFixtures.write(new JsonWriter(), WriterFixtures.hostile()));
        JsonNode metrics = json.get("metrics");
        assertEquals(
                WriterFixtures.HOSTILE,
                metrics.get("counters")
                        .get("tasker_errors_total")
                        .get(0)
                        .get("labels")
                        .get("message")
                        .asText());
        assertEquals(
                "NaN",
                metrics.get("gauges").get("tasker_ratio").get(0).get("value").asText());
        assertEquals(
                "+Inf",
                metrics.get("gauges").get("tasker_limit").get(0).get("value").asText());
        assertEquals(
                -3.5,
                metrics.get("gauges")
                        .get("tasker_temperature_celsius")
                        .get(0)
                        .get("value")
                        .asDouble());
    }

    @Test
    void histogramsCarryQuantilesWhenDefinedWithThem() throws IOException {
        JsonNode json = MAPPER.readTree(WriterFixtures.write(new JsonWriter(), withQuantiles()));
        JsonNode q = json.get("metrics")
                .get("histograms")
                .get("tasker_step_duration_seconds")
                .get(0)
                .get("quantiles");
        assertEquals(0.5, q.get("p50").asDouble(), 0.005);
        assertEquals(0.9, q.get("p90").asDouble(), 0.009);
        assertEquals(0.95, q.get("p95").asDouble(), 0.0095);
        assertEquals(0.99, q.get("p99").asDouble(), 0.0099);
    }

    private static MetricsSnapshot withQuantiles() {
        MetricRegistry registry = WriterFixtures.registry();
        Histogram h = Histogram.builder("step_duration_seconds")
                .labelNames("step_name")
                .quantiles()
                .register(registry);
        for (int i = 1; i <= 1000; i++) {
            h.labels("validate_payment").observe(i / 1000.0);
        }
        return registry.snapshot();
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", "..", "docs", "metrics-export.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }
}
