package io.tasker.metrics.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our convention gives exactly the names of Micrometer's own Prometheus registry. */
class TaskerNamingConventionTest {
    private static final List<String> NAMES = List.of(
            "http.server.requests",
            "jvm.memory.used",
            "myCounter",
            "requests.total",
            "requests_total",
            "cache.gets.created",
            "build.info",
            "queue.bucket",
            "already_seconds",
            "9lives",
            "odd-name with spaces",
            "a:b.c",
            "my.timer.seconds",
            "tasks.active",
            "processed.bytes");
    private static final List<String> UNITS = List.of("bytes", "seconds", "rows");
    private static final List<String> TAG_KEYS =
            List.of("uri", "http.method", "__reserved", "9th", "camelCase", "with-dash", "_x");

    private final TaskerNamingConvention ours = new TaskerNamingConvention();
    private final PrometheusNamingConvention theirs = new PrometheusNamingConvention();

    @Test
    void namesMatchMicrometersPrometheusConventionForEveryType() {
        for (String name : NAMES) {
            for (Meter.Type type : Meter.Type.values()) {
                assertEquals(theirs.name(name, type, null), ours.name(name, type, null), name + " as " + type);
                for (String unit : UNITS) {
                    assertEquals(
                            theirs.name(name, type, unit),
                            ours.name(name, type, unit),
                            name + " as " + type + " in " + unit);
                }
            }
        }
    }

    @Test
    void tagKeysMatchMicrometersPrometheusConvention() {
        for (String key : TAG_KEYS) {
            assertEquals(theirs.tagKey(key), ours.tagKey(key), key);
        }
    }

    /**
     * The one documented difference: Micrometer's convention keeps ':' in a tag key, which
     * the Prometheus 0.0.4 text format does not allow in a label name; the collector's label
     * names are {@code [a-zA-Z_][a-zA-Z0-9_]*}, so ':' becomes '_'.
     */
    @Test
    void colonsInTagKeysBecomeUnderscores() {
        assertEquals("a:b", theirs.tagKey("a:b"));
        assertEquals("a_b", ours.tagKey("a:b"));
    }

    @Test
    void timersEndInSecondsOnce() {
        assertEquals("http_server_requests_seconds", ours.name("http.server.requests", Meter.Type.TIMER, null));
        assertEquals("my_timer_seconds", ours.name("my.timer.seconds", Meter.Type.TIMER, null));
    }
}
