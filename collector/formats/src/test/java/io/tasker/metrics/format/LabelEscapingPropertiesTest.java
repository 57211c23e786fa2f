package io.tasker.metrics.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Counter;
import io.tasker.metrics.Histogram;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.testing.Promtool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Label escaping in every text writer: {@code promtool check metrics} accepts the Prometheus
 * text of random label values and help texts, and each value, unescaped, comes back from both
 * Prometheus text and OpenMetrics (docs/properties.md). Each try runs promtool once, so few tries
 * of many values each.
 */
class LabelEscapingPropertiesTest {

    @Property(tries = 25)
    void promtoolAcceptsAnyLabelValue(
            @ForAll @Size(min = 1, max = 40) Set<@From("values") String> values, @ForAll("values") String help)
            throws IOException {
        MetricRegistry registry = new MetricRegistry(
                RegistryOptions.defaults().withClock(new ManualClock(Instant.parse("2026-01-01T12:00:00Z"))));
        Counter c = Counter.builder("jobs_total").help(help).labelNames("task").register(registry);
        Histogram h = Histogram.builder("job_seconds").labelNames("task").register(registry);
        values.forEach(v -> {
            c.labels(v).inc();
            h.labels(v).observe(0.5);
        });
        String prometheus = write(new PrometheusTextWriter(), registry);
        Promtool.assertValid(prometheus);
        String openMetrics = write(new OpenMetricsTextWriter(), registry);
        for (String v : values) {
            String escaped =
                    "task=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            assertTrue(prometheus.contains("tasker_jobs_total{" + escaped + "} 1"), escaped);
            assertTrue(openMetrics.contains("tasker_jobs_total{" + escaped + "} 1"), escaped);
        }
        assertEquals(
                values.size(),
                prometheus
                        .lines()
                        .filter(l -> l.startsWith("tasker_jobs_total{"))
                        .count(),
                "one line a value: no value broke a line");
    }

    private static String write(ExpositionFormatWriter writer, MetricRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, registry.snapshot());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Any text of whole code points, the characters text formats escape most of all. */
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(30),
                        Arbitraries.strings()
                                .withChars("\"\\\n{}=,# \té".toCharArray())
                                .ofMaxLength(12))
                .filter(v -> v.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE));
    }
}
