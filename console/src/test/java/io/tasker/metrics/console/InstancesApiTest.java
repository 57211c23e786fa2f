package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.ManualClock;
import io.tasker.metrics.config.ConfigLoader;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.runtime.TaskerRuntime;
import io.tasker.metrics.testing.RedisServerExtension;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/instances} and {@code /instances} over a real Redis that the console and two more
 * instances sync into: one stops syncing for a while and goes late, one goes quiet and is folded; each shows the host
 * it recorded itself.
 */
class InstancesApiTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void liveLateAndFoldedInstancesWithTheirShareOfTheKeyCounters() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
        String url = redis.url();
        String namespace = "inst" + System.nanoTime();
        // A 30 s sync interval, the default: late after 60 s without a sync; the instance timeout
        // (half the 5 minute retention window) takes a silent instance for stopped after 150 s.
        try (ConsoleFixture console = ConsoleFixture.builder()
                        .clock(clock)
                        .cacheUrl(url)
                        .env("TASKER_CACHE_NAMESPACE", namespace)
                        .env("TASKER_SYNC_INTERVAL", "30s")
                        .start();
                TaskerRuntime worker = instance(url, namespace, "worker-a-4242", clock);
                TaskerRuntime silent = instance(url, namespace, "worker-b-17", clock)) {
            worker.registry()
                    .incrementCounter("task_executions_total", 30, "status", "success", "task_name", "payment");
            silent.registry()
                    .incrementCounter("task_executions_total", 10, "status", "success", "task_name", "payment");
            worker.collector().orElseThrow().syncNow();
            silent.collector().orElseThrow().syncNow();
            console.sync();

            JsonNode a = instance(console, "worker-a-4242");
            assertEquals("live", a.get("status").asText());
            // The host each instance recorded itself: both run here, whatever their ids say.
            assertEquals(localHost(), a.get("host").asText());
            assertEquals(
                    localHost(), instance(console, "worker-b-17").get("host").asText());
            assertTrue(a.hasNonNull("started"), a.toString());
            assertTrue(a.get("sequence").asLong() > 0, a.toString());
            JsonNode share = a.get("shares").get(0);
            assertEquals("tasker_task_executions_total", share.get("counter").asText());
            assertEquals(30.0, share.get("value").asDouble());
            assertEquals(75.0, share.get("percent").asDouble(), 1e-9, "30 of the 40 executions");

            clock.advance(Duration.ofSeconds(61));
            console.sync();
            assertEquals(
                    "late", instance(console, "worker-a-4242").get("status").asText());
            console.console().history().tick();
            String banner = console.get(Ui.ALERTS_FRAGMENT).body();
            assertTrue(
                    banner.contains("instances are late:")
                            && banner.contains("<code class=\"alert-name\">&ldquo;worker-a-4242&rdquo;</code>"),
                    banner);
            console.sync();
            String metrics = console.get(Ui.METRICS).body();
            assertTrue(
                    metrics.matches("(?s).*tasker_console_alert_firing\\{alert=\"instance_late\"[^}]*} 1(\\.0)?\\n.*"),
                    metrics);
            String page = console.get(Ui.INSTANCES_PAGE).body();
            assertTrue(page.contains("class=\"instance-row late\" data-instance=\"worker-a-4242\""), page);

            worker.collector().orElseThrow().syncNow();
            clock.advance(Duration.ofSeconds(100));
            worker.collector()
                    .orElseThrow()
                    .syncNow(); // worker-b has now been silent for 161 s: folded by the next sync.
            console.sync();
            assertEquals(
                    "live", instance(console, "worker-a-4242").get("status").asText());
            assertEquals(
                    "folded", instance(console, "worker-b-17").get("status").asText());
            assertEquals(
                    10.0,
                    instance(console, "retired totals")
                            .get("shares")
                            .get(0)
                            .get("value")
                            .asDouble());
        }
    }

    private static JsonNode instance(ConsoleFixture console, String id) throws Exception {
        ConsoleFixture.Response r = console.get(Ui.API_INSTANCES, console.bearer());
        assertEquals(200, r.status(), r.body());
        for (JsonNode i : JSON.readTree(r.body()).get("instances")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no instance " + id + " in " + r.body());
    }

    private static String localHost() throws UnknownHostException {
        String env = System.getenv("HOSTNAME");
        return env != null && !env.isBlank()
                ? env.trim()
                : InetAddress.getLocalHost().getHostName();
    }

    private static TaskerRuntime instance(String url, String namespace, String id, ManualClock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("TASKER_CACHE_URL", url);
        env.put("TASKER_CACHE_NAMESPACE", namespace);
        env.put("TASKER_INSTANCE_ID", id);
        env.put("TASKER_SYNC_INTERVAL", "75s");
        return TaskerRuntime.start(ConfigLoader.load(Optional.empty(), env), clock, TaskerRuntime.Mode.INSTANCE);
    }
}
