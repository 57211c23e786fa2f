package io.tasker.metrics.export;

import io.tasker.metrics.Clock;
import io.tasker.metrics.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs coordinated exports inside the collector at the times {@link ExportCoordinator#plan()}
 * gives, so that an instance exports on time by itself, for deployments
 * without a CronJob. Exports run at least {@code minInterval} apart, so that a plan that is
 * already late (nobody syncs, so the data's expiry does not move) cannot make it export in a
 * loop. It never throws into the host application.
 *
 * <pre>{@code
 * ExportScheduler scheduler = new ExportScheduler(coordinator, () -> destination, Clock.SYSTEM, Duration.ofMinutes(2)).start();
 * }</pre>
 */
public final class ExportScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExportScheduler.class);
    private static final Duration STORE_DOWN_RETRY = Duration.ofSeconds(30);
    /** A held-back export tries again this soon: it resumes as soon as the view is whole again. */
    private static final Duration HELD_BACK_RETRY = Duration.ofSeconds(5);

    private final ExportCoordinator coordinator;
    private final Supplier<ExportDestination> destination;
    private final Clock clock;
    private final Duration minInterval;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Instant nextRun;
    private volatile ExportRecord last;
    private volatile Runnable afterEach = () -> {};
    /** The least time the next export may run: the minimum interval after the last one. */
    private Instant earliest;

    /**
     * A scheduler on a daemon thread of its own, which runs once {@link #start()} is called.
     *
     * @param coordinator plans and runs the exports
     * @param destination where each export goes, asked anew for each
     * @param clock the time source for planning and waiting
     * @param minInterval the least time between two scheduled exports
     */
    public ExportScheduler(
            ExportCoordinator coordinator, Supplier<ExportDestination> destination, Clock clock, Duration minInterval) {
        this.coordinator = coordinator;
        this.destination = destination;
        this.clock = clock;
        this.minInterval = minInterval;
        this.earliest = clock.instant();
        this.thread = new Thread(this::loop, "tasker-metrics-export-scheduler");
        thread.setDaemon(true);
    }

    /**
     * Work to do on the scheduler's thread after each export, such as export retention: off
     * any request's path, and at most as often as exports run.
     *
     * @param housekeeping the work to run
     * @return this scheduler
     */
    public ExportScheduler afterEach(Runnable housekeeping) {
        this.afterEach = housekeeping;
        return this;
    }

    /**
     * Starts the scheduler's thread; call once.
     *
     * @return this scheduler
     */
    public ExportScheduler start() {
        thread.start();
        return this;
    }

    /**
     * When the next scheduled export runs, once planned.
     *
     * @return the planned time, or empty before planning or while the store is down
     */
    public Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    /**
     * The last scheduled export, if any ran.
     *
     * @return its record, or empty
     */
    public Optional<ExportRecord> last() {
        return Optional.ofNullable(last);
    }

    private void loop() {
        while (!closed) {
            if (!sleepUntil(step())) {
                return;
            }
        }
    }

    /**
     * One step of the schedule at the clock's time: plans the next export when none is planned,
     * runs it when it is due and plans the one after. The thread calls it at the time it
     * returns; tests call it after moving a manual clock, so that "nothing ran yet" is checked
     * at a known time rather than after a sleep.
     *
     * @return when the next step is due
     */
    Instant step() {
        try {
            if (nextRun == null) {
                plan();
            }
            if (clock.instant().isBefore(nextRun)) {
                return nextRun;
            }
            last = coordinator.export(destination.get(), ExportTrigger.SCHEDULER);
            LOG.info("Scheduled export: {} {}", last.outcome(), last.error() == null ? "" : last.error());
            afterEach.run();
            boolean heldBack = last.outcome() == ExportRecord.Outcome.HELD_BACK;
            earliest = clock.instant()
                    .plus(heldBack && HELD_BACK_RETRY.compareTo(minInterval) < 0 ? HELD_BACK_RETRY : minInterval);
            plan();
            return nextRun;
        } catch (StoreException e) {
            LOG.warn("Cannot plan the next export: {}; trying again in {}", e.getMessage(), STORE_DOWN_RETRY);
        } catch (RuntimeException e) {
            LOG.error("Export scheduler failed unexpectedly; it goes on", e);
        }
        earliest = clock.instant().plus(STORE_DOWN_RETRY);
        nextRun = null;
        return earliest;
    }

    /** Plans the next export, never before the earliest the minimum interval allows. */
    private void plan() {
        Instant at = coordinator.plan().exportAt();
        nextRun = at.isBefore(earliest) ? earliest : at;
    }

    /** Sleeps in short steps so that closing is quick; false when closed meanwhile. */
    private boolean sleepUntil(Instant at) {
        while (!closed && clock.instant().isBefore(at)) {
            long ms = Math.min(500, Duration.between(clock.instant(), at).toMillis());
            try {
                Thread.sleep(Math.max(1, ms));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !closed;
    }

    /** Stops the scheduler: no further export starts, and its thread is interrupted. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
