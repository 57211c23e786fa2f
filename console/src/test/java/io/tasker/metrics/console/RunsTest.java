package io.tasker.metrics.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.Clock;
import io.tasker.metrics.console.web.Ui;
import io.tasker.metrics.events.Failure;
import io.tasker.metrics.events.StepCompleted;
import io.tasker.metrics.events.StepFailed;
import io.tasker.metrics.events.StepStarted;
import io.tasker.metrics.events.TaskCompleted;
import io.tasker.metrics.events.TaskFailed;
import io.tasker.metrics.events.TaskStarted;
import io.tasker.metrics.events.Traceparent;
import io.tasker.metrics.runs.RecentRuns;
import io.tasker.metrics.runs.RunsOptions;
import io.tasker.metrics.runs.RunsSync;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterSync;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.sync.SyncStrategy;
import io.tasker.metrics.testing.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Task runs pages and API over runs written to a real Redis by two other instances. */
class RunsTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** Another service instance: it records two runs (one failed at charge_card) and syncs them. */
    static void writeRuns(String url, String namespace, String instance) {
        try (CacheStore store = RedisStore.open(url, Duration.ofSeconds(5))) {
            SyncOptions options =
                    new SyncOptions(namespace, instance, 50, Duration.ofMinutes(5), Duration.ofMinutes(2), false);
            ClusterSync sync =
                    new ClusterSync(store, options, Clock.SYSTEM, () -> MetricsSnapshot.empty(Instant.EPOCH));
            RecentRuns runs = new RecentRuns(RunsOptions.defaults(), Clock.SYSTEM);
            sync.attach(new RunsSync(store, options.keys(), runs, Clock.SYSTEM));
            Instant t0 = Instant.now().minusSeconds(5);
            String ok = instance + "-ok";
            runs.handle(new TaskStarted(ok, "order_fulfillment", t0));
            runs.handle(new StepStarted(ok, "order_fulfillment", "pack_order", 1, t0));
            runs.handle(new StepCompleted(
                    ok, "order_fulfillment", "pack_order", 1, t0.plusMillis(80), Duration.ofMillis(80)));
            runs.handle(new TaskCompleted(ok, "order_fulfillment", t0.plusMillis(80), Duration.ofMillis(80)));
            String bad = instance + "-bad";
            Failure declined = Failure.of("CardDeclined", "card declined <b>by bank</b>");
            runs.handle(new TaskStarted(
                    bad,
                    "payment_processing",
                    t0.plusSeconds(1),
                    Map.of(),
                    Optional.of(Traceparent.parse("00-" + TRACE + "-00f067aa0ba902b7-01"))));
            runs.handle(new StepStarted(bad, "payment_processing", "validate_payment", 1, t0.plusSeconds(1)));
            runs.handle(new StepCompleted(
                    bad, "payment_processing", "validate_payment", 1, t0.plusMillis(1100), Duration.ofMillis(100)));
            runs.handle(new StepStarted(bad, "payment_processing", "charge_card", 1, t0.plusMillis(1100)));
            runs.handle(new StepFailed(
                    bad,
                    "payment_processing",
                    "charge_card",
                    1,
                    t0.plusMillis(1400),
                    Duration.ofMillis(300),
                    declined));
            runs.handle(
                    new TaskFailed(bad, "payment_processing", t0.plusMillis(1400), Duration.ofMillis(400), declined));
            assertTrue(sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        }
    }

    @Test
    void theConsoleListsTheFailedRunsOfOtherInstancesWithTheirTimelines() throws Exception {
        try (ConsoleFixture console = ConsoleFixture.builder()
                .cacheUrl(REDIS.url())
                .env("TASKER_CONSOLE_TRACE_URL", "http://jaeger:16686/trace/{trace_id}")
                .start()) {
            String ns = console.console().runtime().config().cache().namespace();
            writeRuns(REDIS.url(), ns, "svc-a");
            writeRuns(REDIS.url(), ns, "svc-b");

            JsonNode failed = await(
                    console,
                    Ui.API_RUNS + "?status=failed",
                    body -> body.path("runs").size() == 2);
            List<String> ids = new ArrayList<>();
            failed.path("runs").forEach(r -> ids.add(r.path("task_id").asText()));
            assertEquals(
                    List.of("svc-a-bad", "svc-b-bad"), ids.stream().sorted().toList());
            JsonNode run = failed.path("runs").get(0);
            assertEquals("failure", run.path("status").asText());
            assertEquals(TRACE, run.path("trace_id").asText());
            assertEquals(
                    "charge_card", run.path("steps").get(1).path("step_name").asText());
            assertEquals(
                    "card declined <b>by bank</b>",
                    run.path("steps").get(1).path("error_message").asText());
            assertEquals(
                    2,
                    JSON.readTree(console.get(Ui.API_RUNS + "?task_name=order_fulfillment&limit=10")
                                    .body())
                            .path("runs")
                            .size(),
                    "both instances' successful runs");

            String page = console.get(Ui.RUNS_PAGE + "?status=failed").body();
            assertTrue(page.contains("href=\"/runs/svc-a-bad\"") && page.contains("href=\"/runs/svc-b-bad\""), page);
            assertTrue(!page.contains("svc-a-ok") && page.contains("card declined &lt;b&gt;by bank&lt;/b&gt;"), page);

            String one = console.get(Ui.runPage("svc-a-bad")).body();
            assertTrue(one.contains("id=\"" + Ui.ID_TIMELINE + "\""), one);
            assertTrue(one.contains("class=\"bar failure\" style=\"left:25.00%;width:75.00%\""), one);
            assertTrue(one.contains("class=\"bar success\" style=\"left:0.00%;width:25.00%\""), one);
            assertTrue(one.contains("href=\"http://jaeger:16686/trace/" + TRACE + "\""), one);
            assertEquals(
                    "svc-a",
                    JSON.readTree(console.get(Ui.apiRun("svc-a-bad")).body())
                            .path("instance")
                            .asText());
            assertEquals(404, console.get(Ui.runPage("no-such-task")).status());
            assertEquals(404, console.get(Ui.apiRun("no-such-task")).status());
            ConsoleFixture.Response bad = console.get(Ui.API_RUNS + "?status=broken");
            assertEquals(400, bad.status());
            assertEquals("status must be one of success, failed, running; got 'broken'", bad.body());
        }
    }

    @Test
    void runsAreSearchedByErrorTextAndSortedAndARunNoLongerKeptSaysSoWithTheWayBack() throws Exception {
        try (ConsoleFixture console =
                ConsoleFixture.builder().cacheUrl(REDIS.url()).start()) {
            String ns = console.console().runtime().config().cache().namespace();
            for (String instance : List.of("svc-a", "svc-b", "svc-c")) {
                writeRuns(REDIS.url(), ns, instance);
            }
            await(console, Ui.API_RUNS, body -> body.path("total").asInt() == 6);
            JsonNode declined =
                    JSON.readTree(console.get(Ui.API_RUNS + "?error=DECLINED").body());
            assertEquals(3, declined.path("total").asInt(), "the error message, in any case: " + declined);
            declined.path("runs")
                    .forEach(r -> assertEquals("failure", r.path("status").asText()));
            assertEquals(
                    3,
                    JSON.readTree(console.get(Ui.API_RUNS + "?error=carddecl").body())
                            .path("total")
                            .asInt(),
                    "the error type too");
            assertEquals(
                    0,
                    JSON.readTree(console.get(Ui.API_RUNS + "?error=timeout").body())
                            .path("total")
                            .asInt());

            assertEquals(List.of(80L, 80L, 80L, 400L, 400L, 400L), durations(console, "?sort=duration&order=asc"));
            assertEquals(List.of(400L, 400L, 400L, 80L, 80L, 80L), durations(console, "?sort=duration"));
            assertEquals(
                    List.of(400L, 80L),
                    durations(console, "?sort=duration&limit=2&offset=2"),
                    "the page is cut from the sorted list");
            ConsoleFixture.Response bad = console.get(Ui.API_RUNS + "?sort=colour");
            assertEquals(400, bad.status());
            assertEquals("sort must be started, ended, duration or task, not 'colour'", bad.body());
            String page = console.get(Ui.RUNS_PAGE + "?error=declined&sort=task&order=asc")
                    .body();
            assertTrue(page.contains("runs 1 to 3 of 3") && page.contains("value=\"declined\""), page);

            ConsoleFixture.Response gone = console.get(Ui.runPage("svc-z-long-gone"));
            assertEquals(404, gone.status());
            assertTrue(
                    gone.body().contains("svc-z-long-gone")
                            && gone.body().contains("no longer kept")
                            && gone.body().contains("href=\"/runs?status=failed\""),
                    "an HTML page with the way back: " + gone.body());
        }
    }

    private static List<Long> durations(ConsoleFixture console, String query) throws Exception {
        List<Long> out = new ArrayList<>();
        JSON.readTree(console.get(Ui.API_RUNS + query).body())
                .path("runs")
                .forEach(r -> out.add(r.path("duration_millis").asLong()));
        return out;
    }

    @Test
    void runsArePaginatedInTheApiAndOnThePage() throws Exception {
        try (ConsoleFixture console =
                ConsoleFixture.builder().cacheUrl(REDIS.url()).start()) {
            String ns = console.console().runtime().config().cache().namespace();
            for (String instance : List.of("svc-a", "svc-b", "svc-c")) {
                writeRuns(REDIS.url(), ns, instance);
            }
            String filter = "?task_name=order_fulfillment&limit=1";
            await(console, Ui.API_RUNS + filter, body -> body.path("total").asInt() == 3);
            JsonNode second = JSON.readTree(
                    console.get(Ui.API_RUNS + filter + "&offset=1").body());
            assertEquals(1, second.path("offset").asInt(), second.toString());
            assertEquals(1, second.path("limit").asInt());
            assertEquals(1, second.path("runs").size());
            String page = console.get(Ui.RUNS_PAGE + filter + "&offset=1").body();
            assertTrue(page.contains("runs 2 to 2 of 3"), page);
            assertTrue(
                    page.contains(
                                    "href=\"?status=&amp;task_name=order_fulfillment&amp;task_id=&amp;error=&amp;sort=started"
                                            + "&amp;order=desc&amp;limit=1&amp;offset=0\" "
                                            + "rel=\"prev\"")
                            && page.contains("offset=2\" rel=\"next\""),
                    page);
            assertEquals(400, console.get(Ui.API_RUNS + "?offset=-1").status());
        }
    }

    @Test
    void theDemosOwnRunsShowBeforeAnySyncAndItsStepsAreRankedBySpeed() throws Exception {
        try (ConsoleFixture console = ConsoleFixture.builder().demo().start()) {
            JsonNode body = await(
                    console, Ui.API_RUNS + "?limit=200", b -> b.path("runs").size() > 5);
            JsonNode first = body.path("runs").get(0);
            assertTrue(first.path("steps").size() >= 1, first.toString());
            assertEquals(
                    console.console().runtime().collector().orElseThrow().instanceId(),
                    first.path("instance").asText());
            assertTrue(body.path("steps").size() >= 1, "step summary from the cluster view: " + body.path("steps"));
            double previous = Double.MAX_VALUE;
            for (JsonNode step : body.path("steps")) {
                double p95 = step.path("p95_seconds").asDouble();
                assertTrue(p95 <= previous, "slowest first: " + body.path("steps"));
                previous = p95;
            }
            assertTrue(console.get(Ui.RUNS_PAGE).body().contains("id=\"" + Ui.ID_STEP_SUMMARY + "\""));
        }
    }

    private static JsonNode await(ConsoleFixture console, String path, Predicate<JsonNode> ready) {
        // Awaitility names the last body it read when the time is up.
        return Awaitility.await()
                .alias(path + " ready")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            ConsoleFixture.Response r = console.get(path);
                            assertEquals(200, r.status(), r.body());
                            return JSON.readTree(r.body());
                        },
                        ready::test);
    }
}
