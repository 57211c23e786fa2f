package io.tasker.metrics.console.history;

import io.tasker.metrics.ManualClock;
import io.tasker.metrics.MetricRegistry;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One instance as the store shows it: it records every second, and the view (what the console
 * reads) changes only when it syncs, every {@code syncEvery} seconds from {@code phase}.
 */
final class SyncingInstance {
    private final MetricRegistry registry = new MetricRegistry();
    private final ManualClock clock;
    private final long syncEvery;
    private final long phase;
    private volatile MetricsSnapshot view = MetricsSnapshot.empty(Instant.EPOCH);
    private volatile Instant syncedAt;

    SyncingInstance(ManualClock clock, long syncEvery, long phase) {
        this.clock = clock;
        this.syncEvery = syncEvery;
        this.phase = phase;
    }

    /** One second passes: the instance records it, then syncs if its interval says so. */
    void second(Consumer<MetricRegistry> work) {
        clock.advance(Duration.ofSeconds(1));
        work.accept(registry);
        long now = clock.wallTimeMillis() / 1000;
        if (Math.floorMod(now - phase, syncEvery) == 0) {
            view = registry.snapshot();
            syncedAt = clock.instant();
        }
    }

    MetricsSnapshot view() {
        return view;
    }

    Optional<Instant> syncedAt() {
        return Optional.ofNullable(syncedAt);
    }

    long syncedAtMillis(long otherwise) {
        Instant at = syncedAt;
        return at == null ? otherwise : at.toEpochMilli();
    }
}
