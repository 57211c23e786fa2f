package io.tasker.metrics.console.chart;

import io.tasker.metrics.console.history.BucketQuantiles;
import io.tasker.metrics.console.history.HistorySettings;
import io.tasker.metrics.console.history.HistoryStore;
import io.tasker.metrics.console.history.HistoryStore.SeriesRef;
import io.tasker.metrics.console.history.Sample;
import io.tasker.metrics.console.history.Tier;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a family's history for a window, finest tier first: raw samples where they are kept,
 * minutes before those, then hours and days, so a 24 h chart shows its last two hours at the
 * sample interval. Counters become rates per second, gauges stay values, histograms give
 * p50/p95/p99 and the rate of observations.
 *
 * <pre>{@code
 * SeriesData d = reader.read("tasker_queue_depth", List.of(), Window.H1, clock.wallTimeMillis() / 1000);
 * }</pre>
 */
public final class SeriesReader {
    /** Series of one family drawn at most, so that a chart stays readable and quick. */
    public static final int MAX_LINES_SERIES = 12;

    /** Sample-name suffixes and the kind of family each belongs to; no suffix ends another. */
    private static final Map<String, String> SUFFIXES =
            Map.of("_total", "counter", "_bucket", "histogram", "_count", "histogram", "_sum", "histogram");

    private final HistoryStore store;
    private final HistorySettings settings;

    public SeriesReader(HistoryStore store, HistorySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** One interval of a series: a row and the width of its tier. */
    public record Point(Sample sample, long width) {}

    /**
     * @param labels series to draw, as the metric table shows their labels; empty for the whole family
     * @throws IllegalArgumentException when the family or a series has no history, naming what has
     */
    public SeriesData read(String asked, List<String> labels, Window window, long now) throws SQLException {
        List<SeriesRef> family = family(asked);
        if (family.isEmpty()) {
            throw new IllegalArgumentException("name '" + asked + "' has no history (yet): pick a name from the metric "
                    + "table; the console samples every "
                    + settings.sampleInterval().getSeconds() + "s");
        }
        String name = family.get(0).key().name();
        List<SeriesRef> chosen = choose(family, labels);
        long from = now - window.seconds();
        Map<SeriesRef, List<Point>> points = new HashMap<>();
        TreeSet<Long> times = new TreeSet<>();
        for (SeriesRef ref : chosen) {
            List<Point> p = points(ref.id(), from);
            p.forEach(x -> times.add(x.sample().start()));
            points.put(ref, p);
        }
        long[] axis = times.stream().mapToLong(Long::longValue).toArray();
        List<SeriesData.Line> lines = new ArrayList<>();
        for (SeriesRef ref : chosen) {
            lines.addAll(lines(ref, points.get(ref), axis));
        }
        return new SeriesData(
                name,
                family.get(0).key().kind(),
                window.word(),
                from,
                now,
                axis,
                lines,
                labels.isEmpty() ? family.size() - chosen.size() : 0);
    }

    /**
     * The family a name leads to, as the operator sees names in the metric table and in
     * Prometheus: a counter's {@code _total}, a histogram's {@code _bucket}, {@code _count} and
     * {@code _sum} name their family, which the history keeps under its base name.
     *
     * @param name a family's base name or one of its sample names
     * @return the family's series, or none when the name leads to no history
     */
    public List<SeriesRef> family(String name) throws SQLException {
        List<SeriesRef> family = store.family(name);
        if (!family.isEmpty()) {
            return family;
        }
        for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
            if (name.endsWith(suffix.getKey())) {
                List<SeriesRef> base = store.family(
                        name.substring(0, name.length() - suffix.getKey().length()));
                if (!base.isEmpty() && base.get(0).key().kind().equals(suffix.getValue())) {
                    return base;
                }
            }
        }
        return List.of();
    }

    private static List<SeriesRef> choose(List<SeriesRef> family, List<String> labels) {
        if (labels.isEmpty()) {
            return family.subList(0, Math.min(MAX_LINES_SERIES, family.size()));
        }
        List<SeriesRef> chosen = new ArrayList<>();
        for (String l : labels) {
            SeriesRef ref = family.stream()
                    .filter(r -> r.key().labels().equals(l.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("labels '" + l + "' match no series of "
                            + family.get(0).key().name() + "; its series are, for example: "
                            + family.stream()
                                    .limit(3)
                                    .map(r -> "labels=" + r.key().labels())
                                    .toList()));
            if (!chosen.contains(ref)) {
                chosen.add(ref);
            }
        }
        if (chosen.size() > MAX_LINES_SERIES) {
            throw new IllegalArgumentException(
                    chosen.size() + " series asked for; a chart draws at most " + MAX_LINES_SERIES);
        }
        return chosen;
    }

    /**
     * A series' intervals from {@code from} on, each from the finest tier that has it. Where a
     * coarser tier takes over, the finer rows before its first whole interval make way for it:
     * retention cuts a tier at any second, and an interval split between two tiers would be lost
     * or counted twice.
     */
    public List<Point> points(int seriesId, long from) throws SQLException {
        List<Point> out = new ArrayList<>();
        long cutoff = Long.MAX_VALUE;
        for (Tier tier : Tier.values()) {
            long width = tier.seconds(settings.sampleInterval());
            List<Sample> rows = store.read(seriesId, tier, from - width);
            long boundary = cutoff == Long.MAX_VALUE ? cutoff : ceil(cutoff, width);
            long spliced = boundary;
            if (boundary != cutoff && rows.stream().anyMatch(s -> s.start() == spliced - width)) {
                out.removeIf(p -> p.sample().start() < spliced);
                cutoff = boundary;
            }
            long earliest = cutoff;
            for (Sample s : rows) {
                if (s.start() + width <= cutoff && s.start() + width > from) {
                    out.add(new Point(s, width));
                    earliest = Math.min(earliest, s.start());
                }
            }
            cutoff = Math.min(cutoff, earliest);
            if (cutoff <= from) {
                break; // The finer tiers cover the whole window: no coarser rows can be drawn.
            }
        }
        out.sort(Comparator.comparingLong(p -> p.sample().start()));
        return out;
    }

    private static long ceil(long t, long width) {
        return t + Math.floorMod(-t, width);
    }

    private static List<SeriesData.Line> lines(SeriesRef ref, List<Point> points, long[] axis) {
        String labels = ref.key().labels();
        return switch (ref.key().kind()) {
            case "counter" ->
                List.of(new SeriesData.Line(
                        labels, "rate", "per second", false, over(points, axis, SeriesReader::rate)));
            case "gauge" ->
                List.of(new SeriesData.Line(
                        labels,
                        "value",
                        "value",
                        false,
                        align(points, axis, p -> p.sample().value())));
            default -> histogram(ref, points, axis);
        };
    }

    private static List<SeriesData.Line> histogram(SeriesRef ref, List<Point> points, long[] axis) {
        String labels = ref.key().labels();
        double[] bounds = BucketQuantiles.parse(ref.key().bounds());
        boolean sketch = points.stream().anyMatch(p -> p.sample().sketch() != null);
        List<SeriesData.Line> out = new ArrayList<>();
        double[] qs = {0.5, 0.95, 0.99};
        String[] fields = {"p50", "p95", "p99"};
        for (int i = 0; i < qs.length; i++) {
            int k = i;
            out.add(new SeriesData.Line(
                    labels, fields[i], "value", !sketch, over(points, axis, p -> quantile(p.sample(), bounds, qs[k]))));
        }
        out.add(new SeriesData.Line(labels, "rate", "per second", false, over(points, axis, SeriesReader::rate)));
        return out;
    }

    /** A row's quantile: read from its sketch (its rows' sketches merged, for a rollup), else from its buckets. */
    private static Double quantile(Sample s, double[] bounds, double q) {
        if (s.sketch() != null) {
            return s.sketch().valueAt(q);
        }
        return s.buckets() == null ? null : BucketQuantiles.estimate(bounds, s.buckets(), q);
    }

    /** The increase per second over the time the row's increase covers. */
    public static Double rate(Point p) {
        return p.sample().rate(p.width());
    }

    /**
     * A rate's or a quantile's line: at each time of the axis, the value of the row whose increase
     * covers it ({@code (start - span, start]}). A series gets a row when its instances synced, and
     * what the row measured holds over the whole time since its previous row; another series of
     * the chart with rows at other times does not leave this one's line full of gaps.
     */
    private static Double[] over(List<Point> points, long[] axis, Function<Point, Double> value) {
        Double[] out = new Double[axis.length];
        int i = 0;
        for (int j = 0; j < axis.length; j++) {
            while (i < points.size() && points.get(i).sample().start() < axis[j]) {
                i++;
            }
            if (i == points.size()) {
                break;
            }
            Sample s = points.get(i).sample();
            if (s.start() - s.seconds(points.get(i).width()) < axis[j]) {
                out[j] = value.apply(points.get(i));
            }
        }
        return out;
    }

    /** A gauge's line: its values at the times of its rows, null between (the chart joins them). */
    private static Double[] align(List<Point> points, long[] axis, Function<Point, Double> value) {
        Double[] out = new Double[axis.length];
        int j = 0;
        for (Point p : points) {
            while (j < axis.length && axis[j] < p.sample().start()) {
                j++;
            }
            if (j < axis.length && axis[j] == p.sample().start()) {
                out[j] = value.apply(p);
            }
        }
        return out;
    }
}
