package io.tasker.metrics.runs;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.tasker.metrics.RegistryOptions;
import io.tasker.metrics.snapshot.CounterSnapshot;
import io.tasker.metrics.snapshot.HistogramSnapshot;
import io.tasker.metrics.snapshot.MetricsSnapshot;
import io.tasker.metrics.snapshot.QuantileSketch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per step name, over the cluster view: attempts, the share that failed, and the p95 attempt
 * duration in seconds (null when the view holds no quantiles for it), slowest first: which step
 * is the bottleneck. Read from the MetricsSubscriber's {@code step_executions_total} and
 * {@code step_duration_seconds}.
 *
 * <pre>{@code
 * List<StepSummary> slowest = StepSummary.from(view.snapshot(), registry.options());
 * }</pre>
 *
 * @param stepName the step's name
 * @param count its attempts
 * @param errorShare the share of its attempts that failed, from 0 to 1
 * @param p95Seconds the p95 attempt duration in seconds, or null without quantiles
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepSummary(String stepName, long count, double errorShare, Double p95Seconds) {

    /**
     * The summaries of every step in the snapshot, slowest p95 first, then by name.
     *
     * @param snapshot the cluster view
     * @param names the registry options whose prefix the metric names carry
     * @return one summary per step name
     */
    public static List<StepSummary> from(MetricsSnapshot snapshot, RegistryOptions names) {
        Map<String, long[]> counts = new HashMap<>(); // step -> {attempts, failures}
        snapshot.family(names.prefixed("step_executions")).ifPresent(f -> {
            for (CounterSnapshot.Point p : ((CounterSnapshot) f).points()) {
                long[] c = counts.computeIfAbsent(p.labels().get("step_name"), k -> new long[2]);
                c[0] += (long) p.value();
                c[1] += "failure".equals(p.labels().get("status")) ? (long) p.value() : 0;
            }
        });
        Map<String, Double> p95 = new HashMap<>();
        snapshot.family(names.prefixed("step_duration_seconds")).ifPresent(f -> {
            for (HistogramSnapshot.Point p : ((HistogramSnapshot) f).points()) {
                QuantileSketch q = p.quantiles();
                if (q != null && q.count() > 0) {
                    p95.put(p.labels().get("step_name"), q.valueAt(0.95));
                }
            }
        });
        List<StepSummary> out = new ArrayList<>();
        counts.forEach((step, c) ->
                out.add(new StepSummary(step, c[0], c[0] == 0 ? 0 : (double) c[1] / c[0], p95.get(step))));
        out.sort(Comparator.comparing((StepSummary s) -> s.p95Seconds() == null ? -1 : s.p95Seconds())
                .reversed()
                .thenComparing(StepSummary::stepName));
        return out;
    }
}
