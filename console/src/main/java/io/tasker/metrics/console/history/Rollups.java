package io.tasker.metrics.console.history;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Rolls each tier up into the next once an interval has closed, the way Sidekiq keeps its
 * history: the last value and the summed increases of counters and histograms, the average of
 * gauges, summed bucket increases, and quantiles averaged by the observations behind them.
 * Then each tier forgets what is past its retention.
 */
final class Rollups {
    private final HistoryStore store;
    private final HistorySettings settings;

    Rollups(HistoryStore store, HistorySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** Rolls up every closed interval of every tier and expires old rows; {@code now} in epoch seconds. */
    void run(long now, IntFunction<String> kindOf) throws SQLException {
        for (Tier tier : Tier.values()) {
            if (tier != Tier.RAW) {
                rollUp(tier, now, kindOf);
            }
        }
        for (Tier tier : Tier.values()) {
            store.expire(tier, now - settings.retentionSeconds(tier));
        }
    }

    private void rollUp(Tier tier, long now, IntFunction<String> kindOf) throws SQLException {
        long width = tier.seconds(settings.sampleInterval());
        long done = store.latest(tier);
        long from = done < 0 ? 0 : done + width;
        long next = store.earliest(tier.finer(), from);
        while (next >= 0) {
            long start = next - Math.floorMod(next, width);
            if (start + width > now) {
                return; // Still open: samples may yet come.
            }
            List<Sample> rows = store.readTier(tier.finer(), start, start + width);
            store.write(combine(rows, tier, start, kindOf));
            next = store.earliest(tier.finer(), start + width);
        }
    }

    /** One row per series from its rows of the finer tier (sorted by series, then time). */
    static List<Sample> combine(List<Sample> rows, Tier tier, long start, IntFunction<String> kindOf) {
        List<Sample> out = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            int j = i;
            while (j < rows.size() && rows.get(j).seriesId() == rows.get(i).seriesId()) {
                j++;
            }
            out.add(combine(rows.subList(i, j), kindOf.apply(rows.get(i).seriesId())).at(rows.get(i).seriesId(), tier, start));
            i = j;
        }
        return out;
    }

    private static Sample combine(List<Sample> rows, String kind) {
        Sample last = rows.get(rows.size() - 1);
        double v = "gauge".equals(kind) ? rows.stream().mapToDouble(Sample::v).average().orElse(last.v()) : last.v();
        long[] buckets = null;
        for (Sample r : rows) {
            if (r.buckets() != null) {
                buckets = buckets == null ? r.buckets().clone() : add(buckets, r.buckets());
            }
        }
        return new Sample(0, Tier.RAW, 0, v, sum(rows, Sample::d), sum(rows, Sample::sd), weighted(rows, Sample::q50),
                weighted(rows, Sample::q95), weighted(rows, Sample::q99), buckets);
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

    private static Double sum(List<Sample> rows, java.util.function.Function<Sample, Double> f) {
        Double total = null;
        for (Sample r : rows) {
            Double x = f.apply(r);
            if (x != null) {
                total = total == null ? x : total + x;
            }
        }
        return total;
    }

    /** The quantiles of the intervals averaged by their observations: an estimate, said so in docs/console.md. */
    private static Double weighted(List<Sample> rows, java.util.function.Function<Sample, Double> f) {
        double sum = 0;
        double weight = 0;
        for (Sample r : rows) {
            Double x = f.apply(r);
            if (x != null) {
                double w = r.d() == null || r.d() <= 0 ? 1 : r.d();
                sum += x * w;
                weight += w;
            }
        }
        return weight == 0 ? null : sum / weight;
    }
}
