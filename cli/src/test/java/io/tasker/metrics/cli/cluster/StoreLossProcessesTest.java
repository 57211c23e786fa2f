package io.tasker.metrics.cli.cluster;

import static io.tasker.metrics.cli.cluster.RestartTest.jobs;
import static io.tasker.metrics.cli.cluster.RestartTest.observations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasker.metrics.cli.TaskerMetricsCli;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.TextSocket;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store loses its data while worker JVMs run, on a real redis-server: {@code FLUSHALL} after
 * a graceful stop, after a timed fold too, a {@code redis-server} restart without persistence with
 * one stopped and one killed worker, and a flush with every worker alive. Each worker keeps its
 * own tally; the cluster view and the CLI's JSON are held to their sum.
 */
class StoreLossProcessesTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration RETENTION = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private FileClock clock;
    private String namespace;
    private Path config;
    private final List<Worker> workers = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        clock = FileClock.create(dir.resolve("clock"));
        namespace = "lp" + UUID.randomUUID().toString().substring(0, 8);
        config = dir.resolve("tasker.yml");
        Files.writeString(
                config,
                "telemetry:\n  export_directory: " + dir.resolve("exports") + "\n  prometheus:\n"
                        + "    retention_window: 10m\ncache:\n  url: \"" + REDIS.url() + "\"\n  namespace: " + namespace
                        + "\n");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Worker w : workers) {
            w.close();
        }
    }

    /** (a) The third stops gracefully, the store is flushed, the other two sync on: all three exactly. */
    @Test
    void aGracefulStopThenAFlushKeepsTheStoppedWorkersTotals() throws Exception {
        List<Worker> w = startThree();
        w.get(2).stop();
        syncAll(w.subList(0, 2)); // each reads the new generation and keeps a copy
        flushAll();
        w.get(0).inc(4).sync(); // notices the loss, writes the copy back and its own state again
        w.get(1).inc(2).sync();
        long expected = tallies(w);
        assertExact(expected);
        assertEquals(expected, exportNowJson(), "the CLI's JSON");
    }

    /** (b) The same, with a killed worker folded by the timed fold before the flush. */
    @Test
    void aFlushAfterAGracefulStopAndATimedFoldKeepsBothTotals() throws Exception {
        List<Worker> w = startThree();
        w.get(2).stop();
        w.get(1).kill();
        clock.advance(TIMEOUT.plusSeconds(30));
        w.get(0).inc(1).sync(); // folds the killed one
        assertEquals(List.of("jvm0"), view().instances());
        w.get(0).sync(); // keeps a copy of the new generation
        flushAll();
        w.get(0).inc(1).sync();
        long expected = tallies(w);
        assertExact(expected);
        assertEquals(expected, exportNowJson(), "the CLI's JSON");
    }

    /**
     * (c) redis-server restarted without persistence: the gracefully stopped worker's totals come
     * back exactly; the killed one, not folded yet, had only the store: what it synced is lost (the
     * documented bound), and exports wait for it up to the instance timeout; --force exports with
     * a warning naming it.
     */
    @Test
    void aRestartedStoreKeepsTheStoppedWorkerExactlyAndLosesAtMostTheKilledOnesState() throws Exception {
        List<Worker> w = startThree();
        w.get(1).stop();
        w.get(2).kill();
        w.get(0).sync(); // reads the stopped worker's generation
        REDIS.restart();
        w.get(0).inc(3).sync();
        long stoppedAndLive = w.get(0).tally() + w.get(1).tally();
        ClusterView view = view();
        long total = (long) jobs(view.snapshot());
        assertTrue(
                total >= stoppedAndLive && total <= stoppedAndLive + w.get(2).tally(),
                "view " + total
                        + ": the live and the stopped worker's " + stoppedAndLive + ", at most the killed one's "
                        + w.get(2).tally() + " lost");
        assertEquals(stoppedAndLive, total, "the killed worker, never folded, went with the store");
        assertEquals(List.of("jvm2"), view.awaiting(), "the killed worker never writes again");

        Cli held = cli(
                "export-now",
                "--format",
                "json",
                "--output",
                dir.resolve("held.json").toString());
        assertEquals(TaskerMetricsCli.HELD_BACK, held.code, held.err);
        assertTrue(held.err.contains("jvm2 has not written"), held.err);
        Cli forced = cli(
                "export-now",
                "--force",
                "--format",
                "json",
                "--output",
                dir.resolve("forced.json").toString());
        assertEquals(TaskerMetricsCli.OK, forced.code, forced.err);
        assertTrue(forced.err.contains("it may lack what jvm2 recorded"), forced.err);
        assertEquals(stoppedAndLive, total(dir.resolve("forced.json")));
    }

    /**
     * (d) Every worker alive: after the flush the export is held back until all three have
     * written again, then the first export succeeds and is exact, long before the fixed bound.
     */
    @Test
    void afterAFlushTheFirstExportAfterEveryWorkerSyncedIsExactLongBeforeTheBound() throws Exception {
        List<Worker> w = startThree();
        flushAll();
        long flushed = System.nanoTime();
        w.get(0).sync();
        Cli early = cli("export", "--format", "json");
        assertEquals(TaskerMetricsCli.HELD_BACK, early.code, early.out + early.err);
        assertTrue(early.err.contains("jvm1, jvm2 have not written"), early.err);
        w.get(1).sync();
        w.get(2).sync();
        Cli r = cli("export", "--format", "json");
        Duration after = Duration.ofNanos(System.nanoTime() - flushed);
        assertEquals(TaskerMetricsCli.OK, r.code, r.out + r.err);
        assertTrue(
                after.compareTo(RETENTION.dividedBy(2).dividedBy(4)) < 0,
                "exported " + after + " after the flush, " + "well before the fixed bound of "
                        + RETENTION.dividedBy(2));
        try (var files = Files.list(dir.resolve("exports"))) {
            assertEquals(tallies(w), total(files.findFirst().orElseThrow()));
        }
    }

    private List<Worker> startThree() throws Exception {
        for (int i = 0; i < 3; i++) {
            Worker w = Worker.start(REDIS.url(), namespace, "jvm" + i, clock, RETENTION, TIMEOUT);
            workers.add(w);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3; i++) {
                workers.get(i).inc(100 * (i + 1) + round).sync();
            }
        }
        return List.copyOf(workers);
    }

    private static void syncAll(List<Worker> live) {
        live.forEach(Worker::sync);
    }

    private static long tallies(List<Worker> all) {
        return all.stream().mapToLong(Worker::tally).sum();
    }

    private ClusterView view() {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            return new ClusterReader(store, new SyncOptions(namespace, "reader", 50, RETENTION, TIMEOUT, false), clock)
                    .readView();
        }
    }

    private void assertExact(long expected) {
        ClusterView view = view();
        assertEquals(expected, (long) jobs(view.snapshot()), "jobs in " + view.instances() + " and the retired totals");
        assertEquals(expected, observations(view.snapshot()), "histogram count");
        assertTrue(view.problems().isEmpty(), view.problems().toString());
    }

    /** What the CLI's {@code export-now --format json} holds: its JSON's jobs counter, summed. */
    private long exportNowJson() throws IOException {
        Path out = dir.resolve("now-" + UUID.randomUUID() + ".json");
        Cli r = cli("export-now", "--format", "json", "--output", out.toString());
        assertEquals(TaskerMetricsCli.OK, r.code, r.out + r.err);
        return total(out);
    }

    private static long total(Path json) throws IOException {
        long sum = 0;
        for (JsonNode point : new ObjectMapper().readTree(json.toFile()).at("/metrics/counters/tasker_jobs_total")) {
            sum += point.get("value").asLong();
        }
        return sum;
    }

    private static void flushAll() throws IOException {
        try (TextSocket redis = TextSocket.connect("127.0.0.1", REDIS.port(), Duration.ofSeconds(5))) {
            redis.send("FLUSHALL\r\n");
            assertEquals("+OK", redis.readLine());
        }
    }

    private Cli cli(String... command) {
        List<String> args = new ArrayList<>(List.of("--config", config.toString()));
        args.addAll(List.of(command));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskerMetricsCli.run(
                args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    private record Cli(int code, String out, String err) {}
}
