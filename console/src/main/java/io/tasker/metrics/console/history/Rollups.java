package io.tasker.metrics.console.history;

import io.tasker.metrics.snapshot.QuantileSketch;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls each tier up into the next once an interval has closed, the way Sidekiq keeps its
 * history: the last value and the summed increases of counters and histograms (with the time
 * they cover), the average of gauges, summed bucket increases, and merged quantile sketches, so
 * that a rolled-up row's quantiles are those of all its observations.
 * Then each tier forgets what is past its retention.
 */
final class Rollups {
    private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);

    /**
     * Seconds between two retention passes. Deleting one tick's worth of old rows touches a page
     * per series, as writing does (see {@link WriteBuffer}); five minutes' worth at once touches
     * the same pages once.
     */
    static final long EXPIRE_EVERY = 300;

    private final HistoryStore store;
    private final HistorySettings settings;
    private long expired = Long.MIN_VALUE;
    /** The latest start rolled up into each tier, read from the database once and kept here since. */
    private final long[] done = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};

    Rollups(HistoryStore store, HistorySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Rolls up every closed interval of every tier and, every five minutes, expires old rows; {@code now} in epoch seconds. */
    void run(long now, IntFunction<String> kindOf) throws SQLException {
        for (Tier tier : Tier.values()) {
            if (tier != Tier.RAW) {
                rollUp(tier, now, kindOf);
            }
        }
        if (expired != Long.MIN_VALUE && now - expired < EXPIRE_EVERY) {
            return;
        }
        expired = now;
        for (Tier tier : Tier.values()) {
            long t0 = System.nanoTime();
            long gone = store.expire(tier, now - settings.retentionSeconds(tier));
            if (gone > 0) {
                LOG.debug("Expired {} {} rows in {} ms", gone, tier.word(), (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    private void rollUp(Tier tier, long now, IntFunction<String> kindOf) throws SQLException {
        long width = tier.seconds(settings.sampleInterval());
        if (done[tier.ordinal()] == Long.MIN_VALUE) {
            done[tier.ordinal()] = store.latest(tier);
        }
        long latest = done[tier.ordinal()];
        long from = latest < 0 ? 0 : latest + width;
        long next = store.earliest(tier.finer(), from);
        while (next >= 0) {
            long start = next - Math.floorMod(next, width);
            if (start + width > now) {
                return; // Still open: samples may yet come.
            }
            long t0 = System.nanoTime();
            List<Sample> rows = store.readTier(tier.finer(), start, start + width);
            store.write(combine(rows, tier, start, tier.finer().seconds(settings.sampleInterval()), kindOf));
            done[tier.ordinal()] = start;
            LOG.debug(
                    "Rolled {} {} rows up into {} at {} in {} ms",
                    rows.size(),
                    tier.finer().word(),
                    tier.word(),
                    start,
                    (System.nanoTime() - t0) / 1_000_000);
            next = store.earliest(tier.finer(), start + width);
        }
    }

    /**
     * One row per series from its rows of the finer tier (sorted by series, then time).
     *
     * @param finerWidth the width of a finer row, the span of rows that do not say theirs
     */
    static List<Sample> combine(List<Sample> rows, Tier tier, long start, long finerWidth, IntFunction<String> kindOf) {
        List<Sample> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int j = i;
            while (j < rows.size() && rows.get(j).seriesId() == rows.get(i).seriesId()) {
                j++;
            }
            out.add(combine(
                            rows.subList(i, j),
                            finerWidth,
                            kindOf.apply(rows.get(i).seriesId()))
                    .at(rows.get(i).seriesId(), tier, start));
            i = j;
        }
        return out;
    }

    private static Sample combine(List<Sample> rows, long finerWidth, String kind) {
        Sample last = rows.get(rows.size() - 1);
        double v = "gauge".equals(kind)
                ? rows.stream().mapToDouble(Sample::value).average().orElse(last.value())
                : last.value();
        long[] buckets = null;
        QuantileSketch.Builder sketch = null;
        Long span = null;
        for (Sample r : rows) {
            if (r.buckets() != null) {
                buckets = buckets == null ? r.buckets().clone() : add(buckets, r.buckets());
            }
            if (r.sketch() != null) {
                sketch = (sketch == null ? QuantileSketch.builder() : sketch).add(r.sketch());
            }
            if (r.increase() != null) {
                // The time the summed increases cover, so that the rolled-up rate is theirs over it.
                span = (span == null ? 0 : span) + (r.spanMillis() == null ? finerWidth * 1000 : r.spanMillis());
            }
        }
        return new Sample(
                0,
                Tier.RAW,
                0,
                v,
                sum(rows, Sample::increase),
                sum(rows, Sample::sumIncrease),
                span,
                sketch == null ? null : sketch.build(),
                buckets);
    }

    private static long[] add(long[] into, long[] more) {
        if (more.length != into.length) {
            return into; // The buckets changed: keep the first layout rather than mix two.
        }
        for (int k = 0; k < into.length; k++) {
            into[k] += more[k];
        }
        return into;
    }

    private static Double sum(List<Sample> rows, Function<Sample, Double> f) {
        Double total = null;
        for (Sample r : rows) {
            Double x = f.apply(r);
            if (x != null) {
                total = total == null ? x : total + x;
            }
        }
        return total;
    }
}
