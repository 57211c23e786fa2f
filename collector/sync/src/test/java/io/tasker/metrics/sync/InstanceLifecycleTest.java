package io.tasker.metrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.store.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the directory tells of an instance's life: the host, process and start it recorded
 * itself; a graceful stop's final sync recorded as a stop, kept through the fold that follows it;
 * an instance that went quiet folded after the timeout with its last sync and no stop.
 */
class InstanceLifecycleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final MemoryStore store = new MemoryStore(clock);

    @Test
    void aGracefulStopIsRecordedAndKeptThroughItsFold() {
        ClusterSync web1 = instance("web-1");
        instance("web-2");
        ClusterReader reader = new ClusterReader(store, options("reader"), clock);

        InstanceDirectory.Instance live = reader.instances().live().get(0);
        assertEquals("web-1", live.id());
        assertEquals(LocalHost.name(), live.origin().host(), "the host it recorded, not one read from its id");
        assertEquals(ProcessHandle.current().pid(), live.origin().pid());
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), live.origin().started());
        assertNull(live.stopped());

        clock.advance(Duration.ofSeconds(30));
        web1.stopping();
        assertTrue(web1.sync(SyncStrategy.DISTRIBUTED_ATOMIC).success());
        Instant stoppedAt = clock.instant();
        assertEquals(stoppedAt, reader.instances().live().get(0).stopped(), "the final sync says it stopped");

        clock.advance(Duration.ofSeconds(1));
        assertTrue(web1.retire());
        InstanceDirectory d = reader.instances();
        assertEquals(1, d.live().size(), "web-2 only");
        InstanceDirectory.Folded folded = d.folded().get(0);
        assertEquals("web-1", folded.id());
        assertEquals(stoppedAt, folded.stopped());
        assertEquals(stoppedAt, folded.lastSync());
        assertEquals(clock.instant(), folded.foldedAt());
        assertEquals(LocalHost.name(), folded.origin().host());

        clock.advance(Duration.ofMinutes(11)); // web-2 went quiet: folded after the 10 minute timeout.
        assertEquals(
                1,
                reader.maintenance().housekeep(SyncStrategy.DISTRIBUTED_ATOMIC).retiredInstances());
        InstanceDirectory.Folded quiet = reader.instances().folded().stream()
                .filter(f -> f.id().equals("web-2"))
                .findFirst()
                .orElseThrow();
        assertNull(quiet.stopped(), "no final sync seen");
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), quiet.lastSync());
        assertTrue(
                reader.instances().folded().stream().anyMatch(f -> f.id().equals("web-1") && f.stopped() != null),
                "the earlier fold's record kept");
    }

    private ClusterSync instance(String id) {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withClock(clock));
        registry.counter("jobs_total", "task").labels("x").inc(1);
        ClusterSync sync = new ClusterSync(store, options(id), clock, registry::snapshot);
        assertTrue(sync.sync(SyncStrategy.LOCAL_ONLY).success());
        return sync;
    }

    private static SyncOptions options(String id) {
        return new SyncOptions("life", id, 100, Duration.ofMinutes(30), Duration.ofMinutes(10), false);
    }
}
