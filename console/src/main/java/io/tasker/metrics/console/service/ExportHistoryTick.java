package io.tasker.metrics.console.service;

import io.tasker.metrics.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export history's background work, off the request path: every tick it imports the
 * shared store's export record into H2, and once an hour (by the console's clock) it applies
 * {@link Retention}. Pages, htmx actions and {@code /health/status} only read H2, so a
 * dashboard under load no longer runs up to 200 statements per request.
 *
 * <pre>{@code
 * try (ExportHistoryTick tick = ExportHistoryTick.start(exports, retention, clock, ExportHistoryTick.EVERY)) { ... }
 * }</pre>
 */
public final class ExportHistoryTick implements AutoCloseable {
    /** How often: well within the stale-export threshold, and a CronJob's export shows within it. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    /** How often retention runs: files and rows age by days, an hour late is nothing. */
    public static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExportHistoryTick.class);

    private final ScheduledExecutorService executor;

    private ExportHistoryTick(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs the first tick (with a prune) at once, then every {@code every}. */
    public static ExportHistoryTick start(ExportService exports, Retention retention, Clock clock, Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tasker-console-export-history");
            t.setDaemon(true);
            return t;
        });
        Runnable prune = new Runnable() {
            private Instant next = Instant.MIN;

            @Override
            public void run() {
                if (!clock.instant().isBefore(next)) {
                    next = clock.instant().plus(PRUNE_EVERY);
                    retention.prune();
                }
            }
        };
        // tick() catches its own failures; close() stops the schedule.
        var unused =
                executor.scheduleWithFixedDelay(() -> tick(exports, prune), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return new ExportHistoryTick(executor);
    }

    // A failure must not end the schedule: the next tick tries again.
    private static void tick(ExportService exports, Runnable prune) {
        try {
            exports.importShared();
            prune.run();
        } catch (RuntimeException e) {
            LOG.warn("Export history tick failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
