package io.tasker.metrics.sync;

import static io.tasker.metrics.testing.SyncFixture.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.metrics.Clock;
import io.tasker.metrics.Counter;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.MemoryStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Label values and help texts are limited in UTF-8 bytes, the unit the store's encoding counts,
 * and cut at a code point: one over-long series can neither stop a sync nor split a character.
 */
class LongTextSyncTest {

    @Test
    void aLabelValueOverSixtyFourKilobytesNeitherStopsSyncNorTheOtherSeries() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withMaxLabelValueLength(65_535));
        Counter jobs = Counter.builder("jobs_total").labelNames("task").register(registry);
        jobs.labels("€".repeat(30_000)).inc(1);
        jobs.labels("\0".repeat(40_000)).inc(3);
        jobs.labels("short").inc(2);
        ClusterSync sync = new ClusterSync(
                new MemoryStore(Clock.SYSTEM), SyncOptions.defaults("a"), Clock.SYSTEM, registry::snapshot);

        SyncResult result = sync.sync(SyncStrategy.DISTRIBUTED_ATOMIC);

        assertTrue(result.success(), result.toString());
        MetricsSnapshot view = new ClusterReader(sync.store(), SyncOptions.defaults("a"), Clock.SYSTEM)
                .readView()
                .snapshot();
        assertEquals(2, counter(view, "tasker_jobs", "task", "short"));
        CounterSnapshot family = (CounterSnapshot) view.family("tasker_jobs").orElseThrow();
        assertEquals(
                6,
                family.points().stream()
                        .mapToDouble(CounterSnapshot.Point::value)
                        .sum());
        for (CounterSnapshot.Point p : family.points()) {
            assertTrue(p.labels().value(0).getBytes(StandardCharsets.UTF_8).length <= 65_535);
        }
    }

    @Test
    void valuesAreCutInBytesAtACodePoint() {
        MetricRegistry registry = new MetricRegistry(RegistryOptions.defaults().withMaxLabelValueLength(10));
        Counter c = Counter.builder("cut_total").labelNames("v").register(registry);
        c.labels("aaaaaaaaa\uD83D\uDE00").inc();
        c.labels("€€€€").inc();
        c.labels("0123456789").inc();
        CounterSnapshot family =
                (CounterSnapshot) registry.snapshot().family("tasker_cut").orElseThrow();
        assertEquals(
                java.util.Set.of("aaaaaaaaa", "€€€", "0123456789"),
                family.points().stream().map(p -> p.labels().value(0)).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aHelpTextOverTheLimitIsRefusedAtDefinition() {
        MetricRegistry registry = new MetricRegistry();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Counter.builder("wordy_total").help("ü".repeat(40_000)).register(registry));
        assertTrue(
                e.getMessage().contains("wordy_total") && e.getMessage().contains("80000 UTF-8 bytes"), e.getMessage());
    }
}
