package io.tasker.metrics.console.tasks;

import io.tasker.metrics.console.chart.ChartController;
import io.tasker.metrics.console.chart.SeriesReader;
import io.tasker.metrics.console.chart.Sparklines;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.history.BucketQuantiles;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistoryStore.SeriesRef;
import io.tasker.metrics.console.history.Sample;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds the history of {@code task_executions_total} and {@code task_duration_seconds} up per
 * {@code task_name} over a window. Executions are the summed increases (resets counted from
 * zero); failures are those whose {@code status} is {@code failure}, {@code failed} or
 * {@code error}. Quantiles are read once from the window's sketches merged, where the histogram
 * has sketches (the quantile of a window is not the average of its intervals' quantiles), and
 * are otherwise interpolated from the summed bucket increases.
 *
 * <pre>{@code
 * List<TaskRow> rows = new TaskStats(history, "tasker_", 0.05).rows(Window.H1);
 * }</pre>
 */
public final class TaskStats {
    private static final Set<String> FAILED = Set.of("failure", "failed", "error");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HistoryService history;
    private final SeriesReader reader;
    private final String executions;
    private final String durations;
    private final double threshold;

    /** @param prefixed the metric prefix applied: {@code task_executions} becomes this function's answer */
    public TaskStats(HistoryService history, UnaryOperator<String> prefixed, double threshold) {
        this.history = history;
        this.reader = new SeriesReader(history.store(), history.settings());
        this.executions = prefixed.apply("task_executions");
        this.durations = prefixed.apply("task_duration_seconds");
        this.threshold = threshold;
    }

    /** The error-rate threshold above which a row is marked over, a share between 0 and 1. */
    public double threshold() {
        return threshold;
    }

    /** Per task, sorted by name. */
    public List<TaskRow> rows(Window window) throws SQLException {
        List<TaskRow> rows = new ArrayList<>();
        accumulate(window, labels -> labels.getOrDefault("task_name", ""))
                .forEach((task, acc) -> rows.add(acc.row(task, threshold)));
        return rows;
    }

    /**
     * Each task's executions chart over a window: the series of {@code task_executions_total}
     * with its {@code task_name}, all statuses (at most a chart's worth).
     */
    public Map<String, String> charts(Window window) throws SQLException {
        Map<String, List<String>> series = new TreeMap<>();
        for (SeriesRef ref : history.store().family(executions)) {
            String task = labels(ref.key().labels()).getOrDefault("task_name", "");
            List<String> of = series.computeIfAbsent(task, t -> new ArrayList<>());
            if (of.size() < SeriesReader.MAX_LINES_SERIES) {
                of.add(ref.key().labels());
            }
        }
        Window shown = Window.CHART.contains(window) ? window : Window.M15;
        Map<String, String> out = new TreeMap<>();
        series.forEach((task, labels) -> out.put(task, ChartController.href(executions, labels, shown)));
        return out;
    }

    /** Every task together, for the dashboard's headline figures; sparklines of errors and p95 too. */
    public Totals total(Window window) throws SQLException {
        Acc acc = accumulate(window, labels -> "").getOrDefault("", new Acc());
        return new Totals(acc.row("all tasks", threshold), acc.errorSpark(), acc.p95Spark());
    }

    /**
     * @param row executions, failures, error rate and quantiles of all tasks together; its spark is the throughput
     * @param errorSpark the error rate's sparkline points, or null
     * @param p95Spark the p95 duration's sparkline points (where sketches give interval quantiles), or null
     */
    public record Totals(TaskRow row, String errorSpark, String p95Spark) {}

    private Map<String, Acc> accumulate(Window window, Function<Map<String, String>, String> key) throws SQLException {
        long from = history.clock().wallTimeMillis() / 1000 - window.seconds();
        Map<String, Acc> tasks = new TreeMap<>();
        for (SeriesRef ref : history.store().family(executions)) {
            Map<String, String> labels = labels(ref.key().labels());
            Acc acc = tasks.computeIfAbsent(key.apply(labels), k -> new Acc());
            boolean failed = FAILED.contains(labels.getOrDefault("status", ""));
            for (SeriesReader.Point p : reader.points(ref.id(), from)) {
                acc.executions(p, failed, "success".equals(labels.get("status")));
            }
        }
        for (SeriesRef ref : history.store().family(durations)) {
            Acc acc = tasks.computeIfAbsent(key.apply(labels(ref.key().labels())), k -> new Acc());
            acc.durations(ref, reader.points(ref.id(), from));
        }
        return tasks;
    }

    /** Labels as the history keeps them, {@code a="1", b="2"}, back into a map. */
    static Map<String, String> labels(String text) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            out.put(m.group(1), unescape(m.group(2)));
        }
        return out;
    }

    /** Undoes {@code SeriesKey.labelsText}'s escapes: {@code \\}, {@code \"} and {@code \n}. */
    private static String unescape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One task's sums while the series are read. */
    private static final class Acc {
        double executions;
        double successes;
        double failures;
        final Map<Long, Double> throughput = new TreeMap<>();
        final Map<Long, double[]> errors = new TreeMap<>();
        final Map<Long, QuantileSketch.Builder> p95s = new TreeMap<>();
        final QuantileSketch.Builder sketches = QuantileSketch.builder();
        boolean sketched;
        long[] buckets;
        double[] bounds;

        void executions(SeriesReader.Point p, boolean failed, boolean success) {
            double d = p.sample().increase() == null ? 0 : p.sample().increase();
            executions += d;
            failures += failed ? d : 0;
            successes += success ? d : 0;
            Double rate = SeriesReader.rate(p);
            throughput.merge(p.sample().start(), rate == null ? 0 : rate, Double::sum);
            double[] e = errors.computeIfAbsent(p.sample().start(), t -> new double[2]);
            e[0] += failed ? d : 0;
            e[1] += d;
        }

        String errorSpark() {
            return Sparklines.polyline(errors.values().stream()
                    .map(e -> e[1] == 0 ? null : e[0] / e[1])
                    .toList());
        }

        String p95Spark() {
            return Sparklines.polyline(p95s.values().stream()
                    .map(b -> b.build().valueAt(0.95))
                    .map(q -> Double.isNaN(q) ? null : q)
                    .toList());
        }

        void durations(SeriesRef ref, List<SeriesReader.Point> points) {
            for (SeriesReader.Point p : points) {
                Sample s = p.sample();
                if (s.sketch() != null) {
                    p95s.computeIfAbsent(s.start(), t -> QuantileSketch.builder())
                            .add(s.sketch());
                    sketches.add(s.sketch());
                    sketched = true;
                }
                if (s.buckets() != null) {
                    buckets = buckets == null ? s.buckets().clone() : add(buckets, s.buckets());
                }
            }
            bounds = BucketQuantiles.parse(ref.key().bounds());
        }

        TaskRow row(String task, double threshold) {
            long n = Math.round(executions);
            Double rate = n == 0 ? null : failures / executions;
            QuantileSketch merged = sketched ? sketches.build() : null;
            boolean sketch = merged != null && merged.count() > 0;
            Double[] q = new Double[3];
            double[] at = {0.5, 0.95, 0.99};
            for (int i = 0; i < 3; i++) {
                q[i] = sketch
                        ? Double.valueOf(merged.valueAt(at[i]))
                        : buckets == null ? null : BucketQuantiles.estimate(bounds, buckets, at[i]);
            }
            String source = sketch ? "sketch" : q[0] != null ? "buckets" : "none";
            return new TaskRow(
                    task,
                    n,
                    Math.round(successes),
                    Math.round(failures),
                    rate,
                    q[0],
                    q[1],
                    q[2],
                    source,
                    rate != null && rate > threshold,
                    spark(throughput));
        }

        private static long[] add(long[] into, long[] more) {
            if (more.length == into.length) {
                for (int k = 0; k < into.length; k++) {
                    into[k] += more[k];
                }
            }
            return into;
        }

        private static String spark(Map<Long, Double> throughput) {
            return Sparklines.polyline(new ArrayList<>(throughput.values()));
        }
    }
}
