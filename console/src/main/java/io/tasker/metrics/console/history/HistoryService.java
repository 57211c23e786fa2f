package io.tasker.metrics.console.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tasker.metrics.Clock;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the cluster view into the history at every sample interval (a row for each series
 * that changed since its last one, see {@link Sampler}), then rolls up and expires. Like every background task of the console it never throws: a failed tick is logged
 * and shown in {@link #status()}, and the next one tries again.
 *
 * <pre>{@code
 * HistoryService history = new HistoryService(db, settings, clock, () -> views.get().snapshot()).start();
 * }</pre>
 */
public final class HistoryService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryService.class);

    private final HistoryStore store;
    private final HistorySettings settings;
    private final Clock clock;
    private final Supplier<MetricsSnapshot> view;
    private final Supplier<Optional<Instant>> syncedAt;
    private final Sampler sampler;
    private final Rollups rollups;
    private volatile HistoryStatus status = new HistoryStatus(0, 0, 0, List.of(), 0, List.of(), null);
    private final SkippedSeries skipped = new SkippedSeries();
    private volatile long generation;
    private ScheduledExecutorService timer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Turn turn = () -> true;

    /** Whether this console is the one that samples now: consoles that share one database take turns. */
    @FunctionalInterface
    public interface Turn {
        /**
         * @return true when this console samples this tick
         * @throws SQLException when the database cannot say
         */
        boolean mine() throws SQLException;

        /**
         * Gives the turn up at a normal stop, once the last samples are written.
         *
         * @throws SQLException when the database does not answer
         */
        default void release() throws SQLException {}
    }

    /**
     * What the last tick did.
     *
     * @param sampledAt epoch seconds of the last sample (0: none yet)
     * @param kept series stored at it
     * @param total series in the view
     * @param leftOut families left out for want of room ({@code console.history.max_series})
     * @param skipped series the history could not store at the last sample (a value too long for its column)
     * @param skippedSeries the first few of those, by name and labels cut short
     * @param error why the last tick failed, or null
     */
    public record HistoryStatus(
            @JsonProperty("sampled_at") long sampledAt,
            int kept,
            int total,
            @JsonProperty("left_out") List<String> leftOut,
            int skipped,
            @JsonProperty("skipped_series") List<String> skippedSeries,
            String error) {}

    /** A history of a view whose time is the sample's: a registry's own, say, which changes whenever it is read. */
    public HistoryService(DataSource db, HistorySettings settings, Clock clock, Supplier<MetricsSnapshot> view) {
        this(db, settings, clock, view, Optional::empty);
    }

    /**
     * @param view the cluster view
     * @param syncedAt the view's newest sync ({@code ClusterReader.lastClusterSync()}): a series'
     *     increase is taken over the time between the syncs that made it, not between samples
     */
    public HistoryService(
            DataSource db,
            HistorySettings settings,
            Clock clock,
            Supplier<MetricsSnapshot> view,
            Supplier<Optional<Instant>> syncedAt) {
        this.syncedAt = syncedAt;
        this.store = new HistoryStore(db, settings.writeInterval());
        this.settings = settings;
        this.clock = clock;
        this.view = view;
        this.sampler = new Sampler(settings.maxSeries(), settings.quietSeconds());
        this.rollups = new Rollups(store, settings);
    }

    /**
     * Samples at every interval on a daemon thread, the first one an interval after the start:
     * by then the instances have synced, and the start does not fill the view cache with the
     * view before their first sync.
     */
    public HistoryService start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-history");
            t.setDaemon(true);
            return t;
        });
        long every = settings.sampleInterval().toMillis();
        // tick() never throws (see the class comment); close() stops the schedule.
        var unused = timer.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * One sample, rollup and expiry, then the listeners (the alerts), whether or not the history
     * could be written; public so that tests with a manual clock drive it.
     */
    public synchronized void tick() {
        try {
            if (turn.mine()) {
                sample();
            }
            // Another console's samples are new too: caches of the history read again.
            generation++;
        } catch (RuntimeException | SQLException e) {
            LOG.warn("History sample failed: {}", e.toString());
            HistoryStatus s = status;
            status = new HistoryStatus(
                    s.sampledAt(), s.kept(), s.total(), s.leftOut(), s.skipped(), s.skippedSeries(), e.getMessage());
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A history listener failed: {}", e.toString());
            }
        }
    }

    private void sample() throws SQLException {
        long step = settings.sampleInterval().getSeconds();
        long nowMillis = clock.wallTimeMillis();
        long now = nowMillis / 1000;
        long t = now - Math.floorMod(now, step);
        MetricsSnapshot snapshot = view.get();
        long synced = syncedAt(nowMillis);
        Sampler.Result result = sampler.sample(snapshot, t, synced);
        skipped.newTick();
        List<Sampler.Entry> fitting = new ArrayList<>(result.entries().size());
        for (Sampler.Entry e : result.entries()) {
            String misfit = HistoryColumns.misfit(e.key());
            if (misfit == null) {
                fitting.add(e);
            } else {
                skipped.skip(e.key(), misfit);
            }
        }
        List<Sample> rows = rows(fitting, t);
        long t0 = System.nanoTime();
        store.write(rows);
        long t1 = System.nanoTime();
        rollups.run(now, this::kind);
        LOG.debug(
                "History tick at {}: {} series written in {} ms, rollups and retention {} ms",
                t,
                rows.size(),
                (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        status = new HistoryStatus(
                t,
                result.kept() - skipped.count(),
                result.total(),
                result.leftOut(),
                skipped.count(),
                skipped.shown(),
                null);
    }

    /**
     * When the view's data was synced; the sample's own time when that cannot be told: no
     * instance live, the store's records unreadable (the view was read, so the sample goes on),
     * or a sync time ahead of this console's clock (clocks apart), which would make spans up.
     */
    private long syncedAt(long nowMillis) {
        try {
            return syncedAt.get()
                    .map(Instant::toEpochMilli)
                    .filter(at -> at <= nowMillis)
                    .orElse(nowMillis);
        } catch (RuntimeException e) {
            LOG.debug("The instances' sync times could not be read: {}", e.toString());
            return nowMillis;
        }
    }

    /** The raw rows of the entries the database took a series id for; the others are skipped. */
    private List<Sample> rows(List<Sampler.Entry> entries, long t) throws SQLException {
        Map<String, HistoryStore.SeriesRef> ids =
                store.ids(entries.stream().map(Sampler.Entry::key).toList());
        List<Sample> rows = new ArrayList<>(entries.size());
        for (Sampler.Entry e : entries) {
            HistoryStore.SeriesRef ref = ids.get(e.key().id());
            if (ref == null) {
                skipped.skip(e.key(), "the database refused it");
            } else {
                rows.add(e.sample().at(ref.id(), Tier.RAW, t));
            }
        }
        return rows;
    }

    /**
     * Runs after every tick, whether or not the history could be written: the alerts judge the
     * history as it is, and one that fails stops neither the others nor the next tick.
     *
     * @param listener what to run
     */
    public void onSample(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Samples only on the ticks where {@code turn} says so; every tick without one. Consoles that
     * share a database take turns, so that one of them writes a given instant.
     *
     * @param turn asked at every tick, before the sample
     */
    public void takeTurns(Turn turn) {
        this.turn = turn;
    }

    public HistoryStatus status() {
        return status;
    }

    /** Moves on every sample, so that caches of history can tell when to read again. */
    public long generation() {
        return generation;
    }

    public HistoryStore store() {
        return store;
    }

    public HistorySettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    private String kind(int seriesId) {
        try {
            return store.series(seriesId).key().kind();
        } catch (SQLException e) {
            return "gauge";
        }
    }

    /** Stops sampling and writes what the buffer holds, so that a normal stop loses nothing. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            store.flush();
            turn.release();
        } catch (SQLException e) {
            LOG.warn("The last history samples could not be written: {}", e.toString());
        }
    }
}
