package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.export.internal.ExportLock;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.store.StoreException;
import io.tasker.metrics.sync.ClusterReader;
import io.tasker.metrics.sync.ClusterView;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the cluster view: at the right time, by one instance at a time, with retries, and
 * with a record in the shared history.
 *
 * <p>{@link #export} is the coordinated export (the scheduler's, and the CronJob's
 * {@code tasker-metrics export}): it takes the export lock or reports "skipped: another
 * instance is exporting", extends the data's time to live first when it is late, retries a
 * failed delivery after 30 s, 1 min, 2 min... within the job timeout, extending the time to
 * live before each retry so that nothing expires meanwhile. {@link #exportNow} exports at once,
 * without the lock (the console's "Export now" and {@code export-now}).
 *
 * <pre>{@code
 * ExportRecord r = coordinator.export(new FileDestination(new JsonWriter(), dir, null, clock), ExportTrigger.CLI);
 * }</pre>
 */
public final class ExportCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(ExportCoordinator.class);

    /** How to wait between retries; tests move a manual clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits for {@code d}.
         *
         * @param d how long to wait
         * @throws InterruptedException when interrupted meanwhile; the retries then stop
         */
        void sleep(Duration d) throws InterruptedException;
    }

    private final ClusterReader cluster;
    private final Supplier<String> exporterId;
    private final ExportTiming timing;
    private final Duration jobTimeout;
    private final int retryAttempts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ExportLock lock;
    private final ExportHistory history;

    /**
     * A coordinator of exports of the view {@code cluster} reads, with the lock and the history
     * under its namespace.
     *
     * @param cluster reads the view, its expiry, and extends its time to live
     * @param exporterId who exports, for the lock's owner and the history: the instance id this
     *     process writes under now (it changes when a stopped instance wakes up)
     * @param timing when exports should run, and the export timeout
     * @param jobTimeout how long the export lock is held, and the time within which retries must end
     * @param retryAttempts retries of a failed delivery in a coordinated export
     * @param clock the time source for plans, records and elapsed times
     * @param sleeper how to wait between retries
     */
    public ExportCoordinator(
            ClusterReader cluster,
            Supplier<String> exporterId,
            ExportTiming timing,
            Duration jobTimeout,
            int retryAttempts,
            Clock clock,
            Sleeper sleeper) {
        this.cluster = cluster;
        this.exporterId = exporterId;
        this.timing = timing;
        this.jobTimeout = jobTimeout;
        this.retryAttempts = retryAttempts;
        this.clock = clock;
        this.sleeper = sleeper;
        this.lock = new ExportLock(cluster.store(), cluster.options().keys(), "export");
        this.history = new ExportHistory(cluster.store(), cluster.options().keys());
    }

    /**
     * The shared history every export is recorded in.
     *
     * @return the history under the cluster's namespace
     */
    public ExportHistory history() {
        return history;
    }

    /**
     * The lock that lets one coordinated export run at a time across the cluster.
     *
     * @return the export lock
     */
    public ExportLock lock() {
        return lock;
    }

    /**
     * When the next export should run and why, from the data's expiry in the store.
     *
     * @return the plan; the default expiry is assumed when no instance has synced
     * @throws StoreException when the store fails
     */
    public ExportTiming.Plan plan() {
        Instant now = clock.instant();
        return timing.plan(now, cluster.earliestExpiry().orElse(timing.defaultExpiry(now)));
    }

    /**
     * Exports the cluster view at once, without the lock; records it in the history. Held back
     * while the view is being written again after the store lost its data.
     *
     * @param destination where to
     * @param trigger what asked ({@code console}, {@code cli})
     * @return what happened
     */
    public ExportRecord exportNow(ExportDestination destination, ExportTrigger trigger) {
        return exportNow(destination, trigger, false);
    }

    /**
     * Exports the cluster view at once, without the lock; records it in the history.
     *
     * @param destination where to
     * @param trigger what asked ({@code console}, {@code cli})
     * @param force export what the view holds even while it is being written again after the
     *     store lost its data; the record's error then names what it may lack
     * @return what happened
     */
    public ExportRecord exportNow(ExportDestination destination, ExportTrigger trigger, boolean force) {
        Instant started = clock.instant();
        ExportRecord.Start start = ExportRecord.Start.of(started, destination, trigger, exporterId.get());
        Attempt a = deliverOnce(destination, force);
        return record(a.toRecord(start, 1, elapsed(started)));
    }

    /**
     * The coordinated export; never throws.
     *
     * @param destination where the export goes
     * @param trigger what started it, such as {@code scheduler} or {@code cli}
     * @return the record of the export: success, failed, or skipped when another instance holds the lock
     */
    public ExportRecord export(ExportDestination destination, ExportTrigger trigger) {
        return export(destination, trigger, null);
    }

    /**
     * The coordinated export, at most once per {@code interval}: skipped (and not recorded) when the
     * shared history already holds a successful coordinated export of the same format younger than
     * the interval less a fifth. This is what makes a backup CronJob on an offset schedule a real
     * backup: it exports only when the main run failed or never ran. Checked while holding the
     * lock, so that a run that takes the lock just after another finished sees its export.
     *
     * <pre>{@code
     * coordinator.exportOncePer(Duration.ofMinutes(5), destination, ExportTrigger.CLI);
     * }</pre>
     *
     * @param interval the export interval the schedule keeps
     * @param destination where the export goes
     * @param trigger what started it, such as {@code cli}
     * @return the record of the export, or of the skip
     */
    public ExportRecord exportOncePer(Duration interval, ExportDestination destination, ExportTrigger trigger) {
        return export(destination, trigger, interval);
    }

    private ExportRecord export(ExportDestination destination, ExportTrigger trigger, Duration interval) {
        Instant started = clock.instant();
        ExportRecord.Start start = ExportRecord.Start.of(started, destination, trigger, exporterId.get());
        Optional<ExportLock.Held> held;
        try {
            held = lock.tryAcquire(start.instance(), jobTimeout);
        } catch (StoreException e) {
            String error = "cannot take the export lock: " + e.getMessage();
            return record(ExportRecord.failed(start, error, elapsed(started), 0));
        }
        if (held.isEmpty()) {
            String why = "skipped: another instance is exporting" + holderQuietly();
            return ExportRecord.skipped(start, why, elapsed(started));
        }
        try (ExportLock.Held h = held.get()) {
            Optional<ExportRecord> done =
                    interval == null ? Optional.empty() : doneWithin(interval, destination.format());
            if (done.isPresent()) {
                return ExportRecord.skipped(start, windowDone(done.get(), interval, started), elapsed(started));
            }
            ExportRecord r = exportHolding(destination, start, h.fencingNumber());
            return record(h.lost() ? withLostLock(r) : r);
        }
    }

    /**
     * The newest successful coordinated export of {@code format} younger than the interval less a
     * fifth (the tolerance for a CronJob that starts a little late). A history that cannot be read
     * counts as none: exporting twice is better than not at all.
     */
    private Optional<ExportRecord> doneWithin(Duration interval, ExportFormat format) {
        Instant since = clock.instant().minus(interval.minus(interval.dividedBy(5)));
        try {
            return history.list().stream()
                    .filter(r -> r.success() && r.fencingNumber() > 0 && r.format() == format && r.at().isAfter(since))
                    .findFirst();
        } catch (StoreException e) {
            LOG.warn(
                    "Cannot read the export history to tell whether this window is exported; exporting: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static String windowDone(ExportRecord done, Duration interval, Instant now) {
        long ago = Duration.between(done.at(), now).toSeconds();
        return "skipped: this window is exported already (" + done.format() + " at " + done.at() + " by "
                + done.instance() + ", " + ago + " s ago; export_interval " + interval.toMinutes()
                + " min less a fifth); "
                + "--force exports anyway";
    }

    /** Who holds the lock, for the skip's message; a store failure here only leaves the name out. */
    private String holderQuietly() {
        try {
            return lock.holder()
                    .map(h -> " (" + h.substring(0, Math.max(0, h.lastIndexOf('/'))) + ")")
                    .orElse("");
        } catch (StoreException e) {
            LOG.warn("Could not read who holds the export lock: {}", e.getMessage());
            return "";
        }
    }

    /**
     * The lock expired or was taken over while this export ran, so another exporter may have
     * overlapped it: the record says so, for whoever compares the two in the history.
     */
    private static ExportRecord withLostLock(ExportRecord r) {
        return r.withNote("the export lock was lost while exporting (expired or taken over): another export may "
                + "have run at the same time; fencing number " + r.fencingNumber());
    }

    private ExportRecord exportHolding(ExportDestination destination, ExportRecord.Start start, long fence) {
        Instant started = start.at();
        ExportTiming.Plan plan;
        try {
            plan = plan();
            if (plan.reason() == ExportTiming.Reason.TTL_EXTENSION) {
                Duration by = plan.extendBy();
                cluster.maintenance()
                        .extendTtl(by)
                        .ifPresent(
                                keys -> LOG.info("Export is late; extended {} keys by {} before exporting", keys, by));
            }
        } catch (StoreException e) {
            plan = null;
            LOG.warn("Cannot plan the export from the store's expiry: {}", e.getMessage());
        }
        ExportTiming.Reason why = plan == null ? ExportTiming.Reason.ON_DEMAND : plan.reason();
        Attempt a = deliverOnce(destination, false);
        int attempts = 1;
        while (a.failed() && attempts <= retryAttempts) {
            Duration delay = ExportTiming.retryDelay(attempts);
            if (elapsed(started) + delay.toMillis() + timing.exportTimeout().toMillis() > jobTimeout.toMillis()) {
                break; // Another try would run past the job timeout.
            }
            extendQuietly(delay.plus(timing.safetyMargin()));
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            a = deliverOnce(destination, false);
            attempts++;
        }
        return a.toRecord(start.fenced(fence, why), attempts, elapsed(started));
    }

    /** Before a retry; a failure is logged by the maintenance, and the retry goes on. */
    private void extendQuietly(Duration by) {
        cluster.maintenance().extendTtl(by);
    }

    private Attempt deliverOnce(ExportDestination destination, boolean force) {
        try {
            // An exporter writes on the cluster's behalf: retired totals the store lost go back first.
            cluster.maintenance().restoreRetired();
            ClusterView read = cluster.readView();
            Duration settle = cluster.options().instanceTimeout();
            boolean recovering = read.recovering(clock.instant(), settle);
            if (recovering && !force) {
                // Published now, totals could be lower than the last export's: wait for the instances.
                return Attempt.heldBack(heldBack(read, settle));
            }
            MetricsSnapshot view = read.snapshot();
            Attempt a = new Attempt(destination.deliver(view), null, null);
            return recovering ? a.withWarning(forced(read)) : a;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Export to {} failed: {}", destination.describe(), e.getMessage());
            return new Attempt(null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** Why an export waits, and until when: the record's, the CLI's and the console's words. */
    static String heldBack(ClusterView view, Duration settle) {
        return "held back: the store lost its data at " + view.epochStarted() + " and "
                + String.join(", ", view.awaiting())
                + (view.awaiting().size() == 1 ? " has" : " have")
                + " not written their state again yet; exports resume "
                + "once they have, at " + view.resumeAt(settle) + " at the latest";
    }

    private static String forced(ClusterView view) {
        return "forced while the view is being written again after the store lost its data at " + view.epochStarted()
                + ": it may lack what " + String.join(", ", view.awaiting()) + " recorded";
    }

    private ExportRecord record(ExportRecord r) {
        try {
            history.append(r);
        } catch (StoreException e) {
            LOG.warn("Could not record the export in the shared history: {}", e.getMessage());
        }
        return r;
    }

    private long elapsed(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }

    /** One delivery: what it did, or why it failed; {@code note}: why it was held back, or a warning on a success. */
    private record Attempt(ExportDestination.Delivery delivery, String error, String note) {
        static Attempt heldBack(String why) {
            return new Attempt(null, null, why);
        }

        Attempt withWarning(String warning) {
            return new Attempt(delivery, error, warning);
        }

        boolean failed() {
            return error != null;
        }

        ExportRecord toRecord(ExportRecord.Start start, int attempts, long millis) {
            if (error != null) {
                return ExportRecord.failed(start, error, millis, attempts);
            }
            if (delivery == null) {
                return ExportRecord.heldBack(start, note, millis, attempts);
            }
            ExportRecord r = ExportRecord.delivered(start, delivery, millis, attempts + delivery.attempts() - 1);
            // A skip says why nothing was sent; a warning belongs to a success only.
            return note != null && r.success() ? r.withNote(note) : r;
        }
    }
}
