package io.tasker.metrics.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterView;
import io.tasker.metrics.sync.SyncOptions;
import io.tasker.metrics.testing.RedisServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance restarted under its fixed id ({@code TASKER_INSTANCE_ID=web-2}, a StatefulSet's pod
 * name), in every order against the instance timeout and the fold, each life a process of its own
 * on a real redis-server. The workers share a fake clock that the test moves past the timeout.
 * Every time, the cluster view equals the sum of every process's own tally, counter and histogram,
 * and the restarted process syncs without a failure.
 */
class RestartTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration RETENTION = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Duration PAST_TIMEOUT = TIMEOUT.plusSeconds(30);

    @TempDir
    Path dir;

    private FileClock clock;
    private String namespace;
    private final List<Worker> workers = new ArrayList<>();
    /** What stopped or killed workers had synced last: their lives stay counted. */
    private long gone;

    @BeforeEach
    void clock() {
        clock = FileClock.create(dir.resolve("clock"));
        namespace = "rs" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Worker w : workers) {
            w.close();
        }
    }

    @Test
    void restartedBeforeTheTimeout() throws Exception {
        Worker other = start("web-1").inc(1);
        other.sync();
        Worker first = start("web-2").inc(10);
        assertEquals("web-2", first.sync());
        kill(first);
        Worker second = start("web-2").inc(3);
        assertEquals("web-2~1", second.sync(), "the earlier life's state stays under web-2 until it is folded");
        assertExact();
        for (int i = 0; i < 3; i++) { // both live, the earlier life past the timeout: it is folded
            clock.advance(TIMEOUT.dividedBy(2));
            other.inc(1).sync();
            second.inc(2).sync();
        }
        assertEquals(List.of("web-1", "web-2~1"), view().instances());
        assertEquals(1, view().retiredGeneration(), "web-2's earlier life was folded");
        assertExact();
    }

    @Test
    void stoppedGracefullyThenRestartedBeforeTheTimeout() throws Exception {
        Worker other = start("web-1").inc(1);
        other.sync();
        Worker first = start("web-2").inc(10);
        first.sync();
        stop(first);
        assertEquals(List.of("web-1"), view().instances(), "a graceful stop folds at once: " + first.output());
        Worker second = start("web-2").inc(3);
        assertEquals("web-2~1", second.sync());
        other.inc(1).sync();
        assertExact();
    }

    @Test
    void restartedAfterTheTimeoutButBeforeTheFold() throws Exception {
        Worker first = start("web-2").inc(10);
        first.sync();
        kill(first);
        clock.advance(PAST_TIMEOUT); // nobody syncs meanwhile, so nobody folds web-2
        Worker second = start("web-2").inc(3);
        assertEquals("web-2~1", second.sync());
        assertEquals(List.of("web-2~1"), view().instances(), "its first sync folded the earlier life");
        second.inc(4).sync();
        assertExact();
    }

    @Test
    void restartedAfterTheFoldAndAgainAfterItsFreshIdWasFolded() throws Exception {
        Worker other = start("web-1").inc(1);
        other.sync();
        Worker first = start("web-2").inc(10);
        first.sync();
        kill(first);
        clock.advance(PAST_TIMEOUT);
        other.inc(1).sync(); // folds web-2
        assertEquals(List.of("web-1"), view().instances());
        Worker second = start("web-2").inc(3);
        assertEquals("web-2~1", second.sync(), "web-2 holds an earlier life's folded state, not this one's");
        second.inc(2).sync();
        assertExact();

        kill(second);
        clock.advance(PAST_TIMEOUT);
        other.inc(1).sync(); // folds web-2~1
        Worker third = start("web-2").inc(5);
        assertEquals("web-2~2", third.sync());
        third.inc(1).sync();
        other.sync();
        assertExact();
    }

    /** The store restarted empty between the two lives: whoever holds the retired totals writes them back. */
    @Test
    void restartedWithTheStoreRestartedInBetween() throws Exception {
        Worker other = start("web-1").inc(1);
        other.sync();
        Worker first = start("web-2").inc(10);
        first.sync();
        kill(first);
        clock.advance(PAST_TIMEOUT);
        other.inc(1).sync(); // folds web-2
        other.sync(); // and keeps a copy of the retired totals
        REDIS.restart();
        Worker second = start("web-2").inc(3);
        second.sync(); // the store is empty: web-2 is free as far as it can tell
        other.sync(); // writes the retired totals back, web-2's earlier life named as folded
        second.inc(1).sync(); // finds web-2 folded, and not by itself: goes on as web-2~1 with its whole state
        assertEquals("web-2~1", second.instanceId());
        other.sync(); // housekeeping drops what the second life had left under web-2
        second.sync();
        assertExact();
        assertTrue(view().afterLoss());

        REDIS.restart(); // and again, with the restarted life live
        other.sync();
        second.inc(1).sync();
        assertExact();
    }

    private Worker start(String id) throws Exception {
        Worker w = Worker.start(REDIS.url(), namespace, id, clock, RETENTION, TIMEOUT);
        workers.add(w);
        return w;
    }

    private void kill(Worker w) throws InterruptedException {
        gone += w.tally(); // every job it recorded was synced before the kill
        w.kill();
        workers.remove(w);
    }

    private void stop(Worker w) throws InterruptedException {
        gone += w.tally();
        w.stop();
        workers.remove(w);
    }

    private ClusterView view() {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(5))) {
            return new ClusterReader(store, new SyncOptions(namespace, "reader", 50, RETENTION, TIMEOUT, false), clock)
                    .readView();
        }
    }

    /** The view holds every job of every life exactly once: the counter and the histogram's count. */
    private void assertExact() {
        long expected = gone + workers.stream().mapToLong(Worker::tally).sum();
        ClusterView view = view();
        assertEquals(
                expected,
                (long) jobs(view.snapshot()),
                "jobs in " + view.instances() + " and the retired totals " + "of generation " + view.retiredGeneration()
                        + "; workers: " + Arrays.toString(outputs()));
        assertEquals(expected, observations(view.snapshot()), "histogram count");
        assertTrue(view.problems().isEmpty(), view.problems().toString());
    }

    private String[] outputs() {
        return workers.stream().map(w -> w.id + ":\n" + w.output()).toArray(String[]::new);
    }

    static double jobs(MetricsSnapshot s) {
        return s.family("tasker_jobs")
                .map(f -> ((CounterSnapshot) f)
                        .points().stream()
                                .mapToDouble(CounterSnapshot.Point::value)
                                .sum())
                .orElse(0.0);
    }

    static long observations(MetricsSnapshot s) {
        return s.family("tasker_job_seconds")
                .map(f -> ((HistogramSnapshot) f)
                        .points().stream()
                                .mapToLong(HistogramSnapshot.Point::count)
                                .sum())
                .orElse(0L);
    }
}
