package io.tasker.metrics.sync;

import static io.tasker.metrics.testing.SyncFixture.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.export.ExportCoordinator;
import io.tasker.metrics.export.ExportDestination;
import io.tasker.metrics.export.ExportFormat;
import io.tasker.metrics.export.ExportRecord;
import io.tasker.metrics.export.ExportTiming;
import io.tasker.metrics.export.ExportTrigger;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.CacheStore;
import io.tasker.metrics.store.memcached.MemcachedStore;
import io.tasker.metrics.store.redis.RedisStore;
import io.tasker.metrics.testing.MemcachedServerExtension;
import io.tasker.metrics.testing.RedisServerExtension;
import io.tasker.metrics.testing.TextSocket;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store loses its data (FLUSHALL, flush_all: what eviction or a restart without persistence
 * does) after an instance stopped and was folded into the retired totals. Whoever holds a copy
 * of those totals (a live instance, the console's reader) writes them back, once; and until the
 * live instances have written their state again, exports wait rather than publish totals lower
 * than before.
 */
class StoreLossTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @RegisterExtension
    static final MemcachedServerExtension MEMCACHED = new MemcachedServerExtension();

    private static final Duration RETENTION = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ManualClock clock = new ManualClock(Instant.now());
    private final String namespace = "loss" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void redisFlushedTheRetiredTotalsComeBackFromALiveInstance() throws IOException {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(2))) {
            retiredTotalsSurvive(store, SyncStrategy.DISTRIBUTED_ATOMIC, () -> flush(REDIS.port(), "FLUSHALL"), false);
        }
    }

    @Test
    void memcachedFlushedTheRetiredTotalsComeBackFromTheConsolesReader() throws IOException {
        try (CacheStore store =
                MemcachedStore.open("memcached://127.0.0.1:" + MEMCACHED.port(), Duration.ofSeconds(2))) {
            retiredTotalsSurvive(
                    store, SyncStrategy.DISTRIBUTED_BASIC, () -> flush(MEMCACHED.port(), "flush_all"), true);
        }
    }

    private void retiredTotalsSurvive(CacheStore store, SyncStrategy strategy, Runnable flush, boolean readerRestores) {
        Instance a = new Instance(store, "a");
        Instance b = new Instance(store, "b");
        Instance c = new Instance(store, "c");
        a.registry.counter("jobs_total").labels().inc(10);
        b.registry.counter("jobs_total").labels().inc(5);
        c.registry.counter("jobs_total").labels().inc(1);
        assertTrue(a.sync.sync(strategy).success());
        assertTrue(b.sync.sync(strategy).success()); // b's final sync: then it stops.
        assertTrue(c.sync.sync(strategy).success());
        ClusterReader console = new ClusterReader(store, options("console"), clock);
        clock.advance(TIMEOUT.dividedBy(2));
        assertTrue(c.sync.sync(strategy).success());
        assertTrue(a.sync.sync(strategy).success());
        clock.advance(TIMEOUT.dividedBy(2).plusSeconds(1));
        assertTrue(a.sync.sync(strategy).success()); // a folds b into the retired totals.
        assertTrue(a.sync.sync(strategy).success()); // and keeps a copy of them.
        assertEquals(16, counter(console.readView().snapshot(), "tasker_jobs"), "the console keeps a copy too");

        flush.run();
        ClusterReader cronJob = new ClusterReader(store, options("cron"), clock); // knows no earlier epoch
        if (readerRestores) {
            assertEquals(
                    16,
                    counter(console.readView().snapshot(), "tasker_jobs") + 11,
                    "the console's reader restores the retired 5 before a and c have written theirs again");
        }
        assertTrue(a.sync.sync(strategy).success());
        ClusterView after = cronJob.readView();
        assertEquals(15, counter(after.snapshot(), "tasker_jobs"), "b's 5 survived the loss of the store");
        assertTrue(after.afterLoss(), "readers can tell the store lost its data");
        assertEquals(List.of("c"), after.awaiting(), "c was live before the loss and has not written again");

        // Exactly once: every holder of a copy reads again, nothing is added twice.
        assertTrue(a.sync.sync(strategy).success());
        console.readView();
        assertEquals(15, counter(cronJob.readView().snapshot(), "tasker_jobs"));

        ExportCoordinator exporter = new ExportCoordinator(
                cronJob,
                () -> "cron",
                new ExportTiming(RETENTION, Duration.ofMinutes(1), Duration.ofMinutes(2)),
                Duration.ofMinutes(5),
                0,
                clock,
                d -> {});
        Recording destination = new Recording();
        ExportRecord waiting = exporter.export(destination, ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.HELD_BACK, waiting.outcome(), waiting.toString());
        assertTrue(
                waiting.error().contains("the store lost its data")
                        && waiting.error().contains("c has not written"),
                waiting.error());
        assertEquals(0, destination.delivered, "nothing lower than the last export was published");
        clock.advance(Duration.ofSeconds(5)); // far below the instance timeout, the fixed bound
        assertTrue(c.sync.sync(strategy).success());
        ExportRecord whole = exporter.export(destination, ExportTrigger.CLI);
        assertEquals(ExportRecord.Outcome.SUCCESS, whole.outcome(), whole.toString());
        assertEquals(16, destination.last, "once every instance has written again, the export has it all");
    }

    /** An instance that was live before the loss and never writes again holds exports back for the instance timeout at most. */
    @Test
    void exportsResumeAtTheFixedBoundWhenAnInstanceNeverWritesAgain() throws IOException {
        try (CacheStore store = RedisStore.open(REDIS.url(), Duration.ofSeconds(2))) {
            Instance a = new Instance(store, "a");
            Instance killed = new Instance(store, "killed");
            a.registry.counter("jobs_total").labels().inc(10);
            killed.registry.counter("jobs_total").labels().inc(3);
            assertTrue(killed.sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            assertTrue(a.sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            flush(REDIS.port(), "FLUSHALL");
            assertTrue(a.sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            ClusterReader cronJob = new ClusterReader(store, options("cron"), clock);
            ExportCoordinator exporter = new ExportCoordinator(
                    cronJob,
                    () -> "cron",
                    new ExportTiming(RETENTION, Duration.ofMinutes(1), Duration.ofMinutes(2)),
                    Duration.ofMinutes(5),
                    0,
                    clock,
                    d -> {});
            Recording destination = new Recording();
            assertEquals(
                    ExportRecord.Outcome.HELD_BACK,
                    exporter.exportNow(destination, ExportTrigger.CLI).outcome());
            clock.advance(TIMEOUT.plusSeconds(1));
            assertTrue(a.sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
            ExportRecord late = exporter.exportNow(destination, ExportTrigger.CLI);
            assertEquals(ExportRecord.Outcome.SUCCESS, late.outcome(), late.toString());
            assertEquals(10, destination.last, "what the killed instance had synced went with the store");
        }
    }

    private SyncOptions options(String id) {
        return new SyncOptions(namespace, id, 50, RETENTION, TIMEOUT, false);
    }

    private final class Instance {
        final MetricRegistry registry =
                new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        final ClusterSync sync;

        Instance(CacheStore store, String id) {
            sync = new ClusterSync(store, options(id), clock, registry::snapshot);
        }
    }

    private static void flush(int port, String command) {
        try (TextSocket socket = TextSocket.connect("127.0.0.1", port, Duration.ofSeconds(5))) {
            socket.send(command + "\r\n");
            String answer = socket.readLine();
            assertTrue(answer.equals("+OK") || answer.equals("OK"), command + ": " + answer);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Counts deliveries and keeps the last total of tasker_jobs. */
    private static final class Recording implements ExportDestination {
        int delivered;
        double last;

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public ExportFormat format() {
            return ExportFormat.JSON;
        }

        @Override
        public Delivery deliver(MetricsSnapshot snapshot) {
            delivered++;
            last = counter(snapshot, "tasker_jobs");
            return new Delivery(snapshot.seriesCount(), 1, 1, null, null);
        }
    }
}
