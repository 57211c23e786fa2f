package io.tasker.metrics.runs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.KeyLayout;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.RedisServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two recording services in two JVMs write their runs to one real Redis with their syncs; a
 * reader lists the failed runs of both with their step timelines; one is killed with SIGKILL and
 * its runs expire with its keys (retention 3 s) while the other's stay.
 */
class RunsAcrossProcessesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void theFailedRunsOfBothProcessesAreListedAndAKilledOnesExpire() throws Exception {
        String namespace = "runs" + UUID.randomUUID().toString().substring(0, 8);
        Process victim = start(namespace, "svc-a", 1000);
        Process survivor = start(namespace, "svc-b", 60);
        List<String> victimOut = read(victim);
        List<String> survivorOut = read(survivor);
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            awaitLine(victimOut, "SYNCED 1");
            awaitLine(survivorOut, "SYNCED 1");
            RunsReader reader = new RunsReader(store, new KeyLayout(namespace));
            List<TaskRun> failed =
                    RunQuery.of("failed", null, null, "100").apply(reader.read(List.of("svc-a", "svc-b")));
            // 6 runs each, every third failing: runs 0 and 3 of each.
            assertEquals(
                    List.of("svc-a-0", "svc-a-3", "svc-b-0", "svc-b-3"),
                    failed.stream().map(TaskRun::taskId).sorted().toList());
            for (TaskRun run : failed) {
                assertEquals(run.taskId().substring(0, 5), run.instance());
                assertEquals(2, run.steps().size(), run.toString());
                assertEquals("charge_card", run.failingStep().stepName());
                assertEquals("card declined", run.failingStep().errorMessage());
            }

            victim.destroyForcibly(); // SIGKILL: no final sync.
            victim.waitFor(10, TimeUnit.SECONDS);
            // The killed instance's runs expire 3 s (the retention) after its last sync; the survivor syncs every
            // 60 ms meanwhile.
            await().alias("the killed instance's runs expire")
                    .atMost(Duration.ofMillis(4_500))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() ->
                            store.get(new KeyLayout(namespace).runs("svc-a")).isEmpty());
            List<TaskRun> left = reader.read(List.of("svc-a", "svc-b"));
            assertEquals(6, left.size());
            assertTrue(left.stream().allMatch(r -> r.instance().equals("svc-b")));
        } finally {
            victim.destroyForcibly();
            survivor.destroyForcibly();
        }
    }

    private static Process start(String namespace, String id, long pauseMs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunsWorker.class.getName(),
                        REDIS.url(),
                        namespace,
                        id,
                        "6",
                        "2000",
                        String.valueOf(pauseMs))
                .redirectErrorStream(true)
                .start();
    }

    private static List<String> read(Process p) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread t = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(closed: " + e.getMessage() + ")");
            }
        });
        t.setDaemon(true);
        t.start();
        return lines;
    }

    private static void awaitLine(List<String> lines, String line) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertTrue(lines.contains(line), () -> "no '" + line + "' within 60 s: " + lines));
    }
}
