package io.tasker.metrics.jvm;

import io.tasker.metrics.Counter;
import io.tasker.metrics.CounterSeries;
import io.tasker.metrics.MetricRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A counter fed from a total the JVM keeps (classes loaded, CPU time): each read adds what the
 * total gained since the last one. A total that went down started again, and its new value is
 * added, so the counter never goes back and the cluster's sum stays exact.
 */
final class CumulativeCounter {
    private final Counter counter;
    private final Map<List<String>, Double> last = new HashMap<>();

    CumulativeCounter(MetricRegistry registry, String name, String help, String... labelNames) {
        this.counter = Counter.builder(name)
                .withoutPrefix()
                .help(help)
                .labelNames(labelNames)
                .register(registry);
    }

    synchronized void set(double total, String... labelValues) {
        if (!(total >= 0) || Double.isInfinite(total)) {
            return; // Unknown (-1) or not a number: nothing to add.
        }
        Double before = last.put(List.of(labelValues), total);
        double gain = before == null || total < before ? total : total - before;
        // The series is made even at zero, so that a total that never moved (classes unloaded) is still exposed.
        CounterSeries series = counter.labels(labelValues);
        if (gain > 0) {
            series.inc(gain);
        }
    }
}
