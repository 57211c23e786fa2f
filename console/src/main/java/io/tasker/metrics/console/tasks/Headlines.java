package io.tasker.metrics.console.tasks;

import io.tasker.metrics.console.chart.ChartController;
import io.tasker.metrics.console.chart.SeriesReader;
import io.tasker.metrics.console.chart.Sparklines;
import io.tasker.metrics.console.chart.Window;
import io.tasker.metrics.console.history.HistoryService;
import io.tasker.metrics.console.history.HistoryStore.SeriesRef;
import io.tasker.metrics.console.web.Format;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's row of headline figures: task executions per minute, error rate and p95 task
 * duration over the last 5 minutes, and the queue depth now, each with the last hour as a
 * sparkline and a link to its chart. Computed after each history sample on the history's
 * thread, so that no dashboard request waits for them.
 *
 * <pre>{@code
 * List<Headlines.Figure> figures = headlines.figures();
 * }</pre>
 */
public final class Headlines {
    private static final Logger LOG = LoggerFactory.getLogger(Headlines.class);
    private final HistoryService history;
    private final TaskStats tasks;
    private final SeriesReader reader;
    private final UnaryOperator<String> prefixed;
    private volatile List<Figure> figures = List.of();

    /**
     * One figure.
     *
     * @param value the figure as shown, {@code -} without data
     * @param spark the last hour's sparkline points, or null
     * @param href its chart
     */
    public record Figure(String id, String label, String value, String spark, String href) {}

    public Headlines(HistoryService history, TaskStats tasks, UnaryOperator<String> prefixed) {
        this.history = history;
        this.tasks = tasks;
        this.reader = new SeriesReader(history.store(), history.settings());
        this.prefixed = prefixed;
        history.onSample(this::refresh);
    }

    /** The figures of the last sample, computed on the history's thread, never in a request. */
    public List<Figure> figures() {
        return figures;
    }

    /** Computes the figures anew; never throws (keeps the last ones when the history cannot be read). */
    void refresh() {
        try {
            figures = compute();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Headline figures not computed: {}", e.toString());
        }
    }

    private List<Figure> compute() throws SQLException {
        TaskStats.Totals now = tasks.total(Window.M5);
        TaskStats.Totals hour = tasks.total(Window.H1);
        TaskRow t = now.row();
        String executions = prefixed.apply("task_executions");
        String durations = prefixed.apply("task_duration_seconds");
        String queues = prefixed.apply("queue_depth");
        List<Figure> out = new ArrayList<>();
        out.add(new Figure(
                "executions",
                "Task executions / min",
                String.format(Locale.ROOT, "%.1f", t.executions() / 5.0),
                hour.row().spark(),
                chart(executions)));
        out.add(new Figure(
                "error-rate",
                "Error rate",
                t.errorRate() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", t.errorRate() * 100),
                hour.errorSpark(),
                chart(executions)));
        out.add(new Figure(
                "p95",
                "p95 task duration",
                t.p95() == null ? "-" : Format.number(t.p95()) + " s",
                hour.p95Spark(),
                chart(durations)));
        out.add(queueDepth(queues));
        return out;
    }

    private Figure queueDepth(String name) throws SQLException {
        long from = history.clock().wallTimeMillis() / 1000 - Window.H1.seconds();
        List<TreeMap<Long, Double>> queues = new ArrayList<>();
        TreeMap<Long, Double> sum = new TreeMap<>();
        for (SeriesRef ref : history.store().family(name)) {
            TreeMap<Long, Double> values = new TreeMap<>();
            for (SeriesReader.Point p : reader.points(ref.id(), from)) {
                values.put(p.sample().start(), p.sample().value());
                sum.put(p.sample().start(), 0.0);
            }
            queues.add(values);
        }
        // A gauge gets a row when it changes: between two, each queue's depth is its last one.
        for (Map.Entry<Long, Double> at : sum.entrySet()) {
            for (TreeMap<Long, Double> queue : queues) {
                Map.Entry<Long, Double> last = queue.floorEntry(at.getKey());
                at.setValue(at.getValue() + (last == null ? 0 : last.getValue()));
            }
        }
        String value = sum.isEmpty() ? "-" : Format.number(sum.lastEntry().getValue());
        return new Figure(
                "queue-depth", "Queue depth", value, Sparklines.polyline(new ArrayList<>(sum.values())), chart(name));
    }

    private static String chart(String name) {
        return ChartController.href(name, List.of(), Window.H1);
    }
}
