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
 * Turns cluster views into raw samples. It remembers each series' previous values so that it
 * can store increases: a counter that went down was reset (an instance restarted, a fold) and
 * its new value is the increase since, never a negative one. A histogram's interval quantiles
 * come from its sketch minus the previous one.
 *
 * <p>Past {@code maxSeries}, whole families are kept busiest first (the most series that
 * changed since the last sample) and the rest named in {@link Result#leftOut()}.
 */
final class Sampler {
    private final int maxSeries;
    /** The last sample's values of the series it kept: series that went away or were left out are forgotten. */
    private Map<String, Previous> previous = new HashMap<>();

    /** What the sampler last saw of a series. */
    private record Previous(double value, double sum, long[] cumulative, QuantileSketch sketch) {}

    /** A series and its raw sample (series id still 0). */
    record Entry(SeriesKey key, Sample sample) {}

    /** The samples of one view, and the families left out for want of room. */
    record Result(List<Entry> entries, int total, List<String> leftOut) {}

    Sampler(int maxSeries) {
        this.maxSeries = maxSeries;
    }

    synchronized Result sample(MetricsSnapshot view, long t) {
        List<MetricFamilySnapshot> families = new ArrayList<>(view.families());
        families.sort(Comparator.comparingInt(this::changed).reversed().thenComparing(MetricFamilySnapshot::name));
        List<Entry> entries = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Map<String, Previous> next = new HashMap<>();
        for (MetricFamilySnapshot f : families) {
            if (entries.size() + f.points().size() > maxSeries) {
                leftOut.add(f.name() + " (" + f.points().size() + " series)");
                continue;
            }
            for (DataPoint p : f.points()) {
                entries.add(entry(f, p, t, next));
            }
        }
        previous = next;
        return new Result(entries, view.seriesCount(), leftOut);
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

    private Entry entry(MetricFamilySnapshot f, DataPoint p, long t, Map<String, Previous> next) {
        SeriesKey key = key(f, p);
        Previous before = previous.get(key.id());
        Sample sample;
        if (p instanceof HistogramSnapshot.Point h) {
            sample = histogram(h, before, t);
            next.put(key.id(), new Previous(h.count(), h.sum(), h.cumulativeCounts(), h.quantiles()));
        } else {
            double value = primary(p);
            Double d = p instanceof CounterSnapshot.Point && before != null ? increase(before.value(), value) : null;
            sample = new Sample(0, Tier.RAW, t, value, d, null, null, null, null, null);
            next.put(key.id(), new Previous(value, 0, null, null));
        }
        return new Entry(key, sample);
    }

    private static Sample histogram(HistogramSnapshot.Point h, Previous before, long t) {
        if (before == null) {
            return new Sample(0, Tier.RAW, t, h.count(), null, null, null, null, null, null);
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
        boolean quantiles = interval != null && interval.count() > 0;
        return new Sample(
                0,
                Tier.RAW,
                t,
                h.count(),
                reset ? (double) h.count() : h.count() - before.value(),
                reset ? h.sum() : h.sum() - before.sum(),
                quantiles ? interval.valueAt(0.5) : null,
                quantiles ? interval.valueAt(0.95) : null,
                quantiles ? interval.valueAt(0.99) : null,
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
