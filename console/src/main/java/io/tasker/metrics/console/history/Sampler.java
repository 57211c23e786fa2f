package io.tasker.metrics.console.history;

import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.DataPoint;
import io.tasker.metrics.snapshot.GaugeSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricFamilySnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns cluster views into raw samples. It remembers each series' last recorded values so that
 * it can store increases: a counter that went down was reset (an instance restarted, a fold) and
 * its new value is the increase since, never a negative one. A histogram's interval sketch is
 * its sketch minus the previous one.
 *
 * <p>A series gets a row when it changed, that is when the instances that hold it synced, and
 * the row's increase covers the time from the sync its previous row saw to the one this row saw
 * ({@link Sample#spanMillis()}): the view's newest sync, as the instances' records say. The view
 * changes only at each sync (30 s by default), so sampling every 15 s and writing every sample
 * gave a counter an increase every other sample: rates alternating between 0 and twice the real
 * one, quantiles missing every other interval, gauges as staircases. A series that has not
 * changed for {@code quietSeconds} (longer than its instances take between two syncs) is idle,
 * and gets a row that says so: no increase, its value unchanged.
 *
 * <p>Past {@code maxSeries}, whole families are kept busiest first (the most series that
 * changed since the last sample) and the rest named in {@link Result#leftOut()}.
 */
final class Sampler {
    private final int maxSeries;
    private final long quietSeconds;
    /** The last row's values of the series it kept: series that went away or were left out are forgotten. */
    private Map<String, Previous> previous = new HashMap<>();

    /** What the sampler last recorded of a series, and at what sample time. */
    private record Previous(
            long at, long syncedAt, double value, double sum, long[] cumulative, QuantileSketch sketch) {}

    /** A series and its raw sample (series id still 0). */
    record Entry(SeriesKey key, Sample sample) {}

    /**
     * The rows of one view, and the families left out for want of room.
     *
     * @param entries the series that changed (or went quiet), each with its row
     * @param kept the series the history keeps, changed or not
     * @param total the series in the view
     */
    record Result(List<Entry> entries, int kept, int total, List<String> leftOut) {}

    /**
     * @param maxSeries the series kept at most
     * @param quietSeconds how long a series may stay unchanged before it is taken as idle
     */
    Sampler(int maxSeries, long quietSeconds) {
        this.maxSeries = maxSeries;
        this.quietSeconds = quietSeconds;
    }

    /**
     * @param t the sample's time, epoch seconds aligned to the interval
     * @param syncedAt when the view's data was synced (its newest sync), epoch milliseconds
     */
    synchronized Result sample(MetricsSnapshot view, long t, long syncedAt) {
        List<MetricFamilySnapshot> families = new ArrayList<>(view.families());
        families.sort(Comparator.comparingInt(this::changed).reversed().thenComparing(MetricFamilySnapshot::name));
        List<Entry> entries = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Map<String, Previous> next = new HashMap<>();
        int kept = 0;
        for (MetricFamilySnapshot f : families) {
            if (kept + f.points().size() > maxSeries) {
                leftOut.add(f.name() + " (" + f.points().size() + " series)");
                continue;
            }
            kept += f.points().size();
            for (DataPoint p : f.points()) {
                Entry e = entry(f, p, t, syncedAt, next);
                if (e != null) {
                    entries.add(e);
                }
            }
        }
        previous = next;
        return new Result(entries, kept, view.seriesCount(), leftOut);
    }

    private int changed(MetricFamilySnapshot f) {
        int n = 0;
        for (DataPoint p : f.points()) {
            Previous before = previous.get(key(f, p).id());
            if (before == null || before.value() != primary(p)) {
                n++;
            }
        }
        return n;
    }

    /** The series' row at {@code t}, or null when it has not changed since its last row and is not yet quiet. */
    private Entry entry(MetricFamilySnapshot f, DataPoint p, long t, long syncedAt, Map<String, Previous> next) {
        SeriesKey key = key(f, p);
        Previous before = previous.get(key.id());
        double value = primary(p);
        // A series the history cannot store is handed on at every sample all the same, so that the
        // health page counts it at every sample, not only at those where it changed.
        if (before != null
                && before.value() == value
                && t - before.at() < quietSeconds
                && HistoryColumns.misfit(key) == null) {
            // Its instances have not synced since: the next row's increase covers this interval too.
            next.put(key.id(), before);
            return null;
        }
        Long span = before == null ? null : syncedAt - before.syncedAt();
        Sample sample;
        if (p instanceof HistogramSnapshot.Point h) {
            sample = histogram(h, before, t, span);
            next.put(key.id(), new Previous(t, syncedAt, h.count(), h.sum(), h.cumulativeCounts(), h.quantiles()));
        } else {
            boolean counter = p instanceof CounterSnapshot.Point;
            Double d = counter && before != null ? increase(before.value(), value) : null;
            sample = Sample.of(t, value, d, counter ? span : null);
            next.put(key.id(), new Previous(t, syncedAt, value, 0, null, null));
        }
        return new Entry(key, sample);
    }

    private static Sample histogram(HistogramSnapshot.Point h, Previous before, long t, Long span) {
        if (before == null) {
            return new Sample(0, Tier.RAW, t, h.count(), null, null, null, null, null);
        }
        boolean reset = h.count() < before.value();
        long[] now = h.cumulativeCounts();
        long[] increases = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            long own = now[i] - (i == 0 ? 0 : now[i - 1]);
            long ownBefore = reset || before.cumulative() == null || before.cumulative().length != now.length
                    ? 0
                    : before.cumulative()[i] - (i == 0 ? 0 : before.cumulative()[i - 1]);
            increases[i] = Math.max(0, own - ownBefore);
        }
        QuantileSketch interval = interval(h.quantiles(), reset ? null : before.sketch());
        return new Sample(
                0,
                Tier.RAW,
                t,
                h.count(),
                reset ? (double) h.count() : h.count() - before.value(),
                reset ? h.sum() : h.sum() - before.sum(),
                span,
                interval != null && interval.count() > 0 ? interval : null,
                increases);
    }

    /** The observations since the previous sketch; all of them after a reset or a sketch that does not fit. */
    private static QuantileSketch interval(QuantileSketch now, QuantileSketch before) {
        if (now == null || before == null) {
            return now;
        }
        try {
            return now.minus(before);
        } catch (IllegalArgumentException e) {
            return now;
        }
    }

    /** Prometheus's rule: a counter that went down was reset, and counted up from zero since. */
    static double increase(double before, double now) {
        return now < before ? now : now - before;
    }

    private static double primary(DataPoint p) {
        return p instanceof CounterSnapshot.Point c
                ? c.value()
                : p instanceof GaugeSnapshot.Point g ? g.value() : ((HistogramSnapshot.Point) p).count();
    }

    static SeriesKey key(MetricFamilySnapshot f, DataPoint p) {
        String bounds = f instanceof HistogramSnapshot h ? joined(h.bounds().toList()) : null;
        return new SeriesKey(
                f.name(), SeriesKey.labelsText(p.labels()), f.type().word(), bounds);
    }

    private static String joined(List<Double> bounds) {
        StringBuilder sb = new StringBuilder();
        for (Double b : bounds) {
            sb.append(sb.length() == 0 ? "" : ",").append(b);
        }
        return sb.toString();
    }
}
