package io.tasker.metrics.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.format.PrometheusTextWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each library in the benchmark reads the JVM for real: its scrape holds heap memory and threads
 * under the names its dashboards know, and the benchmark's discarding stream gets every byte.
 */
class JvmMetricsBenchmarkTest {
    private final JvmMetricsBenchmark b = new JvmMetricsBenchmark();

    @BeforeEach
    void setUp() {
        b.setUp();
    }

    @AfterEach
    void tearDown() throws Exception {
        b.tearDown();
    }

    @Test
    void oursAndClientJavasWriteTheSameHeadlineFamilies() throws Exception {
        String ours = ours();
        String theirs = clientJava();
        for (String line : new String[] {
            "jvm_memory_used_bytes{area=\"heap\"}", "jvm_threads_current ", "process_cpu_seconds_total "
        }) {
            assertTrue(ours.contains(line), () -> "ours lacks " + line + ":\n" + ours);
            assertTrue(theirs.contains(line), () -> "client_java's lacks " + line + ":\n" + theirs);
        }
    }

    @Test
    void micrometerWritesItsBindersMeters() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        b.micrometer.scrape(text);
        String scrape = text.toString(StandardCharsets.UTF_8);
        for (String name :
                new String[] {"jvm_memory_used_bytes{", "jvm_threads_live_threads ", "process_uptime_seconds "}) {
            assertTrue(scrape.contains(name), () -> "Micrometer's scrape lacks " + name + ":\n" + scrape);
        }
    }

    @Test
    void theTextCasesWriteIntoTheDiscardingStream() throws Exception {
        b.taskerText();
        long afterOurs = b.out.bytes();
        b.clientJavaText();
        long afterClientJava = b.out.bytes();
        b.micrometerText();
        assertTrue(afterOurs > 1_000, "ours wrote " + afterOurs + " bytes");
        assertTrue(afterClientJava - afterOurs > 1_000, "client_java wrote " + (afterClientJava - afterOurs));
        assertTrue(b.out.bytes() - afterClientJava > 1_000, "Micrometer wrote " + (b.out.bytes() - afterClientJava));
    }

    private String ours() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new PrometheusTextWriter().write(text, b.taskerSnapshot());
        return text.toString(StandardCharsets.UTF_8);
    }

    private String clientJava() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        b.clientJavaWriter.write(text, b.clientJavaSnapshot());
        return text.toString(StandardCharsets.UTF_8);
    }
}
